-- Authentication asks on every request whether the token's login (its refresh-token
-- family) was revoked; only revoked rows are indexed, so the answer is one index probe.
CREATE INDEX refresh_tokens_revoked_family ON refresh_tokens (family_id) WHERE revoked;
