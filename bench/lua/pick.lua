-- wrk script: GET <prefix><random line of a file><suffix>, and a machine-readable result line.
--   wrk -s bench/lua/pick.lua http://127.0.0.1:18090 -- /tmp/slugs.txt /api/v1/articles/ ""
local items = {}
local prefix, suffix = "", ""

function init(args)
  for line in io.lines(args[1]) do
    items[#items + 1] = line
  end
  prefix = args[2] or ""
  suffix = args[3] or ""
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

function request()
  return wrk.format("GET", prefix .. items[math.random(#items)] .. suffix)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout, summary.requests))
end
