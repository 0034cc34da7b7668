"""The Lua step of the Redis rate limiter: read a key's TAT and, if a request is allowed,
store the next one, in one atomic step; the caller applies paycore's arithmetic to the TAT
it answers, so every limiter decides alike."""

# ARGV: now, period and interval in seconds, and '1' to spend a request, '-1' to give one
# back, '0' only to look.
# Times travel as '%.6f' strings: Lua would turn a returned number into an integer.
# An expiry is at least 1 ms: a budget finer than that (1,000,000/s and up) can put the
# next TAT within a millisecond of now, or on now itself once the float sum rounds, and
# `SET ... PX 0` is an error, which would leave every decision to the local fallback.
GCRA_STEP = """
local now = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
local interval = tonumber(ARGV[3])
local start = tonumber(redis.call('GET', KEYS[1]) or '0')
if ARGV[4] == '-1' then
    local back = start - interval
    if back > now then
        local ttl_ms = math.max(1, math.ceil((back - now) * 1000))
        redis.call('SET', KEYS[1], string.format('%.6f', back), 'PX', ttl_ms)
    else
        redis.call('DEL', KEYS[1])
    end
    return string.format('%.6f', back)
end
if start < now then start = now end
local next_tat = start + interval
if ARGV[4] == '1' and now >= next_tat - period - 1e-9 then
    local ttl_ms = math.max(1, math.ceil((next_tat - now) * 1000))
    redis.call('SET', KEYS[1], string.format('%.6f', next_tat), 'PX', ttl_ms)
end
return string.format('%.6f', start)
"""
