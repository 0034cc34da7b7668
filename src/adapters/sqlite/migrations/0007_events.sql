-- Events (issue 14): recorded in the same transaction as the change they describe; also
-- the outbox the webhook dispatcher reads. `payment` is JSON text of the payment right
-- after the change, with no card fingerprint. Times are integer microseconds (UTC).
CREATE TABLE events (
    id TEXT PRIMARY KEY CHECK (id GLOB 'evt_[0-9a-f]*' AND length(id) = 36),
    merchant_id TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN (
        'payment.authorized', 'payment.declined', 'payment.failed', 'payment.captured',
        'payment.voided', 'payment.refunded', 'payment.expired', 'action.failed'
    )),
    created_at INTEGER NOT NULL,
    payment_id TEXT NOT NULL,
    payment TEXT NOT NULL CHECK (json_type(payment) = 'object'
        AND json_type(payment, '$.card_fingerprint') IS NULL),
    dispatched INTEGER NOT NULL DEFAULT 0 CHECK (dispatched IN (0, 1))
);
CREATE INDEX events_merchant_created ON events (merchant_id, created_at, id);
CREATE INDEX events_merchant_type_created ON events (merchant_id, type, created_at, id);
CREATE INDEX events_undispatched ON events (created_at, id) WHERE dispatched = 0;
