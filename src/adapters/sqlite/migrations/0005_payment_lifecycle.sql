-- The payment lifecycle (issue 12): capture, void, refund.
--
-- The actions live in the payment's row, a JSON array oldest first: part of the
-- aggregate, only ever changed through the payment's version-guarded UPDATE (see the
-- PostgreSQL migration 0005). SQLite cannot change a CHECK in place, so the table is
-- rebuilt with the wider status list and the amounts' order, its rows copied (they hold
-- a payment no action has touched), and its indexes made again.
CREATE TABLE payments_upgraded (
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
    status TEXT NOT NULL CHECK (status IN (
        'Pending', 'Authorized', 'Declined', 'Failed', 'PartiallyCaptured', 'Captured',
        'Voided', 'PartiallyRefunded', 'Refunded', 'Expired'
    )),
    authorization_code TEXT,
    decline_reason TEXT,
    failure_reason TEXT,
    version INTEGER NOT NULL CHECK (version >= 1),
    settlement_attempts INTEGER NOT NULL DEFAULT 0,
    next_settlement_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    metadata TEXT NOT NULL DEFAULT '{}',
    captured_amount INTEGER NOT NULL DEFAULT 0,
    refunded_amount INTEGER NOT NULL DEFAULT 0,
    actions TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(actions) AND json_type(actions) = 'array'),
    CONSTRAINT payments_lifecycle_amounts
        CHECK (0 <= refunded_amount AND refunded_amount <= captured_amount
            AND captured_amount <= amount)
);

INSERT INTO payments_upgraded (id, merchant_id, amount, currency, card_last4, card_brand, card_expiry_month,
    card_expiry_year, card_fingerprint, reference, status, authorization_code, decline_reason,
    failure_reason, version, settlement_attempts, next_settlement_at, created_at, updated_at,
    metadata)
SELECT id, merchant_id, amount, currency, card_last4, card_brand, card_expiry_month,
    card_expiry_year, card_fingerprint, reference, status, authorization_code, decline_reason,
    failure_reason, version, settlement_attempts, next_settlement_at, created_at, updated_at,
    metadata
FROM payments;

DROP TABLE payments;
ALTER TABLE payments_upgraded RENAME TO payments;

CREATE UNIQUE INDEX payments_merchant_id_id ON payments (merchant_id, id);
CREATE INDEX payments_pending_settlement ON payments (created_at) WHERE status = 'Pending';
CREATE INDEX payments_merchant_created ON payments (merchant_id, created_at DESC, id DESC);
CREATE INDEX payments_merchant_status_created
    ON payments (merchant_id, status, created_at DESC, id DESC);
CREATE INDEX payments_merchant_reference_created
    ON payments (merchant_id, reference, created_at DESC, id DESC) WHERE reference IS NOT NULL;

-- A CHECK cannot look inside the array; these refuse a malformed action instead (text
-- that is no JSON at all is left to the column's CHECK).
CREATE TRIGGER payments_actions_valid_on_insert BEFORE INSERT ON payments
WHEN json_valid(NEW.actions) AND EXISTS (SELECT 1 FROM json_each(NEW.actions) WHERE json_extract(value, '$.id') IS NULL
        OR json_extract(value, '$.type') NOT IN ('capture', 'void', 'refund')
        OR json_extract(value, '$.status') NOT IN ('Pending', 'Succeeded', 'Failed')
        OR json_type(value, '$.amount') IS NOT 'integer'
        OR json_extract(value, '$.amount') <= 0
        OR json_extract(value, '$.created_at') IS NULL
        OR json_extract(value, '$.updated_at') IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'payments_actions_are_valid');
END;
CREATE TRIGGER payments_actions_valid_on_update BEFORE UPDATE OF actions ON payments
WHEN json_valid(NEW.actions) AND EXISTS (SELECT 1 FROM json_each(NEW.actions) WHERE json_extract(value, '$.id') IS NULL
        OR json_extract(value, '$.type') NOT IN ('capture', 'void', 'refund')
        OR json_extract(value, '$.status') NOT IN ('Pending', 'Succeeded', 'Failed')
        OR json_type(value, '$.amount') IS NOT 'integer'
        OR json_extract(value, '$.amount') <= 0
        OR json_extract(value, '$.created_at') IS NULL
        OR json_extract(value, '$.updated_at') IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'payments_actions_are_valid');
END;

-- The sweeps' two questions, each a range read of a small partial index. The codec
-- writes the actions as compact JSON, in which '"status":"Pending"' appears only as an
-- action's status (a quote inside a string is escaped); the queries repeat this term,
-- which is how SQLite knows the index applies.
CREATE INDEX payments_pending_action_updated
    ON payments (updated_at, id) WHERE instr(actions, '"status":"Pending"') > 0;
CREATE INDEX payments_authorized_created
    ON payments (created_at, id) WHERE status = 'Authorized';
