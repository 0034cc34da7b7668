-- Several API keys per merchant (a rotation's overlap), each kept only as a hash, with the
-- prefix and last four a person recognises it by; merchants can be disabled; a login
-- remembers the key that opened it; retention purges need their indexes.
CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    merchant_id TEXT NOT NULL REFERENCES merchants (id) ON DELETE CASCADE,
    hash TEXT NOT NULL UNIQUE,
    prefix TEXT NOT NULL CHECK (prefix <> ''),
    last4 TEXT CHECK (length(last4) = 4),
    created_at INTEGER NOT NULL,
    expires_at INTEGER,
    revoked_at INTEGER
);
CREATE INDEX api_keys_merchant_created ON api_keys (merchant_id, created_at);

-- Each merchant's one key so far becomes its first api_keys row, under the merchant's id
-- (unique, and known to every login it opened). Its last four were never kept.
INSERT INTO api_keys (id, merchant_id, hash, prefix, last4, created_at)
SELECT id, id, api_key_hash, 'pk_', NULL, created_at FROM merchants;
ALTER TABLE merchants DROP COLUMN api_key_hash;
ALTER TABLE merchants ADD COLUMN disabled_at INTEGER;

ALTER TABLE refresh_tokens ADD COLUMN api_key_id TEXT;
UPDATE refresh_tokens SET api_key_id = merchant_id;
CREATE INDEX refresh_tokens_expires_at ON refresh_tokens (expires_at);
CREATE INDEX refresh_tokens_used ON refresh_tokens (jti) WHERE used = 1 AND revoked = 0;
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
