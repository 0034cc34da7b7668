-- Events (issue 14): every change of a payment or of one of its actions is recorded here in
-- the same transaction as the change, so a change never lands without its event nor an
-- event without its change. This table is also the outbox the webhook dispatcher reads.
--
-- `payment` is the payment right after the change, in the storage record's shape with no
-- card fingerprint: of a card only the masked summary (last four, brand, expiry). An event
-- row is never updated except for `dispatched`, which the dispatcher sets once the event
-- has been fanned out into one delivery per subscribed endpoint (0008).
CREATE TABLE events (
    id text PRIMARY KEY CHECK (id ~ '^evt_[0-9a-f]{32}$'),
    merchant_id uuid NOT NULL,
    type text NOT NULL CHECK (type IN (
        'payment.authorized', 'payment.declined', 'payment.failed', 'payment.captured',
        'payment.voided', 'payment.refunded', 'payment.expired', 'action.failed'
    )),
    created_at timestamptz NOT NULL,
    payment_id uuid NOT NULL,
    payment jsonb NOT NULL CHECK (jsonb_typeof(payment) = 'object'
        AND NOT payment ? 'card_fingerprint'),
    dispatched boolean NOT NULL DEFAULT false
);
-- The events API pages a merchant's events by (created_at, id), optionally of one type.
CREATE INDEX events_merchant_created ON events (merchant_id, created_at, id);
CREATE INDEX events_merchant_type_created ON events (merchant_id, type, created_at, id);
-- The dispatcher's question: a small partial index, empty when the outbox is drained.
CREATE INDEX events_undispatched ON events (created_at, id) WHERE NOT dispatched;
