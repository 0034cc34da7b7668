"""The Lua steps of the Redis rate limiter: read a key's TAT and, if a request is allowed,
store the next one, in one atomic step; the caller applies paycore's arithmetic to the TAT
it answers, so every limiter decides alike."""

# The step's arguments: now, period and interval in seconds, and '1' to spend a request,
# '-1' to give one back, '0' only to look. It answers the TAT and whether it spent.
# Times travel as '%.6f' strings: Lua would turn a returned number into an integer.
# An expiry is at least 1 ms: a budget finer than that (1,000,000/s and up) can put the
# next TAT within a millisecond of now, or on now itself once the float sum rounds, and
# `SET ... PX 0` is an error, which would leave every decision to the local fallback.
_GCRA_FUNCTION = """
local function gcra_step(key, now, period, interval, mode)
    local start = tonumber(redis.call('GET', key) or '0')
    if mode == '-1' then
        local back = start - interval
        if back > now then
            local ttl_ms = math.max(1, math.ceil((back - now) * 1000))
            redis.call('SET', key, string.format('%.6f', back), 'PX', ttl_ms)
        else
            redis.call('DEL', key)
        end
        return string.format('%.6f', back), false
    end
    if start < now then start = now end
    local next_tat = start + interval
    if mode == '1' and now >= next_tat - period - 1e-9 then
        local ttl_ms = math.max(1, math.ceil((next_tat - now) * 1000))
        redis.call('SET', key, string.format('%.6f', next_tat), 'PX', ttl_ms)
        return string.format('%.6f', start), true
    end
    return string.format('%.6f', start), false
end
"""

# KEYS[1] the budget's key; ARGV now, period, interval, mode. Answers the TAT.
GCRA_STEP = (
    _GCRA_FUNCTION
    + "return (gcra_step(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]),"
    " ARGV[4]))"
)

# Spends a request of KEYS[1] and, only if it was spent, reads KEYS[2]: a rate-limited
# read in one round trip. ARGV now, period, interval. Answers {TAT, value or nil}.
GCRA_HIT_THEN_GET = _GCRA_FUNCTION + (
    "local tat, spent = gcra_step(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]),"
    " tonumber(ARGV[3]), '1')\n"
    "if spent then return {tat, redis.call('GET', KEYS[2])} end\n"
    "return {tat, false}\n"
)
