-- Webhook endpoints, deliveries and attempts (issue 14).
--
-- An endpoint's signing secret is kept encrypted with a key from the settings: a dump of
-- the database alone does not reveal it. A deleted endpoint keeps its row (its deliveries
-- refer to it) but receives nothing more.
CREATE TABLE webhook_endpoints (
    id text PRIMARY KEY CHECK (id ~ '^we_[0-9a-f]{32}$'),
    merchant_id uuid NOT NULL,
    url text NOT NULL CHECK (url ~ '^https?://'),
    events text[] NOT NULL CHECK (cardinality(events) > 0),
    description text,
    secret_ciphertext bytea NOT NULL,
    created_at timestamptz NOT NULL,
    deleted_at timestamptz
);
CREATE INDEX webhook_endpoints_live ON webhook_endpoints (merchant_id, created_at, id)
    WHERE deleted_at IS NULL;

-- One delivery per (event, endpoint): the unique key is what makes a second fan-out of the
-- same event a no-op. `attempts` counts the attempts started; a worker claims a due
-- delivery by moving `next_attempt_at` past the attempt's timeout in the same statement
-- that starts the attempt, so two workers never send one attempt twice, and a worker that
-- dies mid-attempt only delays the delivery until that lease lapses.
CREATE TABLE webhook_deliveries (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id text NOT NULL REFERENCES events (id),
    endpoint_id text NOT NULL REFERENCES webhook_endpoints (id),
    merchant_id uuid NOT NULL,
    status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz,
    last_response_status integer,
    last_error text,
    delivered_at timestamptz,
    created_at timestamptz NOT NULL,
    CONSTRAINT webhook_deliveries_once UNIQUE (event_id, endpoint_id),
    CONSTRAINT webhook_deliveries_pending_has_due CHECK
        ((status = 'pending') = (next_attempt_at IS NOT NULL)),
    CONSTRAINT webhook_deliveries_delivered_has_time CHECK
        ((status = 'delivered') = (delivered_at IS NOT NULL))
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at, id)
    WHERE status = 'pending';
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_id);

-- Every attempt, numbered from 1 within its delivery: the primary key refuses a second
-- attempt with the same number, whichever process starts it.
CREATE TABLE webhook_attempts (
    delivery_id bigint NOT NULL REFERENCES webhook_deliveries (id),
    number integer NOT NULL CHECK (number >= 1),
    started_at timestamptz NOT NULL,
    finished_at timestamptz,
    response_status integer,
    error text,
    PRIMARY KEY (delivery_id, number)
);
