"""The Lua check-and-set every Redis cache write goes through."""

# Write only if the stored copy is not newer: two writers racing (the request and the
# settlement sweep) can then never leave the cache behind the database. The stored copy's
# run-id stamp is not looked at: an entry restored by a restart with a newer version than
# the one written can only be the same payment further on, and reads ignore it anyway.
PUT_IF_NOT_OLDER = """
local current = redis.call('GET', KEYS[1])
if current then
    local ok, stored = pcall(cjson.decode, current)
    if ok and type(stored) == 'table' and tonumber(stored['version'])
            and tonumber(stored['version']) > tonumber(ARGV[2]) then
        return 0
    end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
return 1
"""
