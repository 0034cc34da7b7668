-- Webhook endpoints, deliveries and attempts (issue 14); see the PostgreSQL migration of
-- the same number for the reasoning. `events` is a JSON array of event types (or "*").
CREATE TABLE webhook_endpoints (
    id TEXT PRIMARY KEY CHECK (id GLOB 'we_[0-9a-f]*' AND length(id) = 35),
    merchant_id TEXT NOT NULL,
    url TEXT NOT NULL CHECK (url GLOB 'http://*' OR url GLOB 'https://*'),
    events TEXT NOT NULL CHECK (json_type(events) = 'array' AND json_array_length(events) > 0),
    description TEXT,
    secret_ciphertext BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    deleted_at INTEGER
);
CREATE INDEX webhook_endpoints_live ON webhook_endpoints (merchant_id, created_at, id)
    WHERE deleted_at IS NULL;

CREATE TABLE webhook_deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL REFERENCES events (id),
    endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints (id),
    merchant_id TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at INTEGER,
    last_response_status INTEGER,
    last_error TEXT,
    delivered_at INTEGER,
    created_at INTEGER NOT NULL,
    UNIQUE (event_id, endpoint_id),
    CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL)),
    CHECK ((status = 'delivered') = (delivered_at IS NOT NULL))
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at, id)
    WHERE status = 'pending';
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_id);

CREATE TABLE webhook_attempts (
    delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries (id),
    number INTEGER NOT NULL CHECK (number >= 1),
    started_at INTEGER NOT NULL,
    finished_at INTEGER,
    response_status INTEGER,
    error TEXT,
    PRIMARY KEY (delivery_id, number)
) WITHOUT ROWID;
