"""The PostgreSQL webhook store's statements."""

LIVE_ENDPOINTS = """
SELECT id, merchant_id::text, url, events, description, created_at FROM webhook_endpoints
WHERE merchant_id = %(merchant)s AND deleted_at IS NULL
  AND (%(after)s::text IS NULL OR (created_at, id) > (
      SELECT created_at, id FROM webhook_endpoints
      WHERE id = %(after)s AND merchant_id = %(merchant)s))
ORDER BY created_at, id LIMIT %(limit)s
"""
DELETE_ENDPOINT = """
WITH gone AS (
    UPDATE webhook_endpoints SET deleted_at = %(at)s
    WHERE id = %(id)s AND merchant_id = %(merchant)s AND deleted_at IS NULL RETURNING id
), stopped AS (
    UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL,
        last_error = 'endpoint deleted'
    WHERE endpoint_id IN (SELECT id FROM gone) AND status = 'pending'
)
SELECT count(*) FROM gone
"""
# SKIP LOCKED: processes dispatching at once take different events. ON CONFLICT: the
# unique (event_id, endpoint_id) makes a second fan-out of one event a no-op.
DISPATCH = """
WITH picked AS (
    SELECT id, merchant_id, type FROM events WHERE NOT dispatched
    ORDER BY created_at, id LIMIT %(limit)s FOR UPDATE SKIP LOCKED
), fanned AS (
    INSERT INTO webhook_deliveries
        (event_id, endpoint_id, merchant_id, next_attempt_at, created_at)
    SELECT p.id, e.id, e.merchant_id, %(now)s, %(now)s
    FROM picked p JOIN webhook_endpoints e
      ON e.merchant_id = p.merchant_id AND e.deleted_at IS NULL
     AND (e.events @> ARRAY['*'] OR e.events @> ARRAY[p.type])
    ON CONFLICT ON CONSTRAINT webhook_deliveries_once DO NOTHING
    RETURNING 1
), marked AS (
    UPDATE events SET dispatched = true WHERE id IN (SELECT id FROM picked)
)
SELECT count(*) FROM fanned
"""
FAIL_UNFINISHED = """
UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, last_error = %s
WHERE status = 'pending' AND attempts >= %s AND next_attempt_at <= %s
"""
# One statement: the rows are locked (others skip them), the attempt is started and the
# lease set together, so no two workers ever start the same attempt.
CLAIM = """
WITH due AS (
    SELECT id FROM webhook_deliveries
    WHERE status = 'pending' AND next_attempt_at <= %(now)s AND attempts < %(max)s
    ORDER BY next_attempt_at, id LIMIT %(limit)s FOR UPDATE SKIP LOCKED
), claimed AS (
    UPDATE webhook_deliveries d SET attempts = d.attempts + 1, next_attempt_at = %(lease)s
    FROM due WHERE d.id = due.id
    RETURNING d.id, d.attempts, d.endpoint_id, d.event_id
), started AS (
    INSERT INTO webhook_attempts (delivery_id, number, started_at)
    SELECT id, attempts, %(now)s FROM claimed
)
SELECT c.id, c.attempts, e.id, e.url, e.secret_ciphertext,
    ev.id, ev.merchant_id::text, ev.type, ev.created_at, ev.payment
FROM claimed c
JOIN webhook_endpoints e ON e.id = c.endpoint_id JOIN events ev ON ev.id = c.event_id
"""
FINISH = """
WITH attempt AS (
    UPDATE webhook_attempts SET finished_at = %(at)s, response_status = %(status)s,
        error = %(error)s
    WHERE delivery_id = %(id)s AND number = %(number)s
)
UPDATE webhook_deliveries SET status = %(state)s, last_response_status = %(status)s,
    last_error = %(error)s, next_attempt_at = %(retry_at)s, delivered_at = %(delivered_at)s
WHERE id = %(id)s AND attempts = %(number)s AND status = 'pending'
"""
BACKLOG = """
SELECT (SELECT min(created_at) FROM webhook_deliveries WHERE status = 'pending'),
       (SELECT min(created_at) FROM events WHERE NOT dispatched)
"""
