-- GET /v1/payments/{id} for each id of $BENCH_IDS (a file, one id a line) in turn, with a
-- bearer token from $BENCH_TOKEN: ids read once each are never in the cache.
local ids = {}
for line in io.lines(os.getenv("BENCH_IDS")) do
  ids[#ids + 1] = line
end
local next_id = 0
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")

request = function()
  next_id = next_id % #ids + 1
  return wrk.format("GET", "/v1/payments/" .. ids[next_id])
end
