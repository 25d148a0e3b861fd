-- wrk script: a conditional GET of a random line "<path> <etag>" of a file, sent with If-None-Match (a 304 when the
-- client's copy is current), and the machine-readable result line of pick.lua.
--   wrk -s bench/lua/etag.lua http://127.0.0.1:18090 -- /tmp/etags.txt
local items = {}

function init(args)
  for line in io.lines(args[1]) do
    local path, etag = line:match("^(%S+)%s+(.+)$")
    if path then
      items[#items + 1] = { path, etag }
    end
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

function request()
  local item = items[math.random(#items)]
  return wrk.format("GET", item[1], { ["If-None-Match"] = item[2] })
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout, summary.requests))
end
