-- wrk script: the mixed workload of bench/soak.sh. Of every 100 requests: 80 reads (40 articles by slug, 15 lists,
-- 10 tag lists, 10 searches, 5 feeds), 15 polls of /changes with a partner key, 5 article creations with an editor
-- key. A partner polls as a caught-up one does: from the cursor it was given (the head of the log), then from the
-- `next` of its previous answer. Counts answers by status, and prints one machine-readable line.
--   wrk -s bench/lua/mixed.lua http://127.0.0.1:18090 -- slugs.txt tags.txt words.txt <partner key> <editor key> <cursor>
local slugs, tags, words = {}, {}, {}
local partner, editor, cursor
counts = {} -- global: done() reads it from each thread
local threads = {}

local function lines(path, into)
  for line in io.lines(path) do
    if line ~= "" then into[#into + 1] = line end
  end
end

function setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  lines(args[1], slugs)
  lines(args[2], tags)
  lines(args[3], words)
  partner, editor, cursor = args[4], args[5], args[6]
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

local function pick(list) return list[math.random(#list)] end

function request()
  local r = math.random(100)
  if r <= 40 then
    return wrk.format("GET", "/api/v1/articles/" .. pick(slugs))
  elseif r <= 55 then
    return wrk.format("GET", "/api/v1/articles?page=" .. math.random(5))
  elseif r <= 65 then
    return wrk.format("GET", "/api/v1/articles?tag=" .. pick(tags))
  elseif r <= 75 then
    return wrk.format("GET", "/api/v1/search?q=" .. pick(words))
  elseif r <= 80 then
    return wrk.format("GET", "/api/v1/feeds/rss?tag=" .. pick(tags))
  elseif r <= 95 then
    return wrk.format("GET", "/api/v1/changes?limit=100&since=" .. cursor, { ["Authorization"] = "Bearer " .. partner })
  else
    local body = string.format('{"headline":"Soak %d %d","body":"<p>%s %s %s</p>","status":"published","tags":["%s"]}',
      math.random(1e9), os.time(), pick(words), pick(words), pick(words), pick(tags))
    return wrk.format("POST", "/api/v1/articles",
      { ["Authorization"] = "Bearer " .. editor, ["Content-Type"] = "application/json" }, body)
  end
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
  if status == 200 and body and body:sub(1, 11) == '{"changes":' then
    cursor = body:match('"next":"([^"]+)"') or cursor
  end
end

function done(summary, latency, requests)
  local byStatus = {}
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for status, n in pairs(c) do byStatus[status] = (byStatus[status] or 0) + n end
  end
  local other = ""
  for status, n in pairs(byStatus) do
    if status >= 400 then other = other .. string.format(" s%d=%d", status, n) end
  end
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f socket_errors=%d requests=%d%s\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout, summary.requests, other))
end
