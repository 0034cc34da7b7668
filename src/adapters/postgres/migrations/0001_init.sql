-- paygate schema v1. Money is bigint minor units; ids are uuid; times are timestamptz.
-- Of a card only last4, brand, expiry and a keyed fingerprint are stored: no PAN, no CVV.
CREATE TABLE merchants (
    id uuid PRIMARY KEY,
    email text NOT NULL CHECK (email <> ''),
    api_key_hash text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX merchants_email_key ON merchants (lower(email));

CREATE TABLE payments (
    id uuid PRIMARY KEY,
    merchant_id uuid NOT NULL,
    amount bigint NOT NULL CHECK (amount > 0),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    card_last4 char(4) NOT NULL CHECK (card_last4 ~ '^[0-9]{4}$'),
    card_brand text NOT NULL,
    card_expiry_month smallint NOT NULL CHECK (card_expiry_month BETWEEN 1 AND 12),
    card_expiry_year smallint NOT NULL CHECK (card_expiry_year BETWEEN 1000 AND 9999),
    card_fingerprint text NOT NULL,
    reference text,
    status text NOT NULL CHECK (status IN ('Pending', 'Authorized', 'Declined', 'Failed')),
    authorization_code text,
    decline_reason text,
    failure_reason text,
    version integer NOT NULL CHECK (version >= 1),
    settlement_attempts integer NOT NULL DEFAULT 0 CHECK (settlement_attempts >= 0),
    next_settlement_at timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
-- Every read is scoped to a merchant: (merchant_id, id) is the access path.
CREATE UNIQUE INDEX payments_merchant_id_id ON payments (merchant_id, id);
-- The settlement sweep only ever looks at Pending payments, a small fraction of the table.
CREATE INDEX payments_pending_settlement ON payments (created_at) WHERE status = 'Pending';

CREATE TABLE idempotency_keys (
    merchant_id uuid NOT NULL,
    key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_fingerprint text NOT NULL,
    payment_id uuid NOT NULL,
    created_at timestamptz NOT NULL,
    completed boolean NOT NULL DEFAULT false,
    CONSTRAINT idempotency_keys_merchant_key UNIQUE (merchant_id, key)
);
-- For purging keys past their retention period.
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);

CREATE TABLE refresh_tokens (
    jti text PRIMARY KEY,
    family_id text NOT NULL,
    merchant_id uuid NOT NULL,
    expires_at timestamptz NOT NULL,
    used boolean NOT NULL DEFAULT false,
    revoked boolean NOT NULL DEFAULT false
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
