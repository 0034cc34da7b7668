-- Timestamps are integer microseconds since the Unix epoch (UTC): exact and sortable.
CREATE TABLE payments (
    id TEXT PRIMARY KEY,
    merchant_id TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount > 0),
    currency TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
    card_last4 TEXT NOT NULL CHECK (length(card_last4) = 4),
    card_brand TEXT NOT NULL,
    card_expiry_month INTEGER NOT NULL CHECK (card_expiry_month BETWEEN 1 AND 12),
    card_expiry_year INTEGER NOT NULL,
    card_fingerprint TEXT NOT NULL,
    reference TEXT,
    status TEXT NOT NULL CHECK (status IN ('Pending', 'Authorized', 'Declined', 'Failed')),
    authorization_code TEXT,
    decline_reason TEXT,
    failure_reason TEXT,
    version INTEGER NOT NULL CHECK (version >= 1),
    settlement_attempts INTEGER NOT NULL DEFAULT 0,
    next_settlement_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX payments_merchant_id_id ON payments (merchant_id, id);
CREATE INDEX payments_pending_settlement ON payments (created_at) WHERE status = 'Pending';

CREATE TABLE idempotency_keys (
    merchant_id TEXT NOT NULL,
    key TEXT NOT NULL,
    request_fingerprint TEXT NOT NULL,
    payment_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    completed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (merchant_id, key)
) WITHOUT ROWID;

-- email_folded is str.casefold() of the email, computed by the adapter: SQLite's lower()
-- only folds ASCII.
CREATE TABLE merchants (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    email_folded TEXT NOT NULL UNIQUE,
    api_key_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE refresh_tokens (
    jti TEXT PRIMARY KEY,
    family_id TEXT NOT NULL,
    merchant_id TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    used INTEGER NOT NULL DEFAULT 0,
    revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
