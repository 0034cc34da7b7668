"""The SQLite webhook store's statements."""

LIVE_ENDPOINTS = """
SELECT id, merchant_id, url, events, description, created_at FROM webhook_endpoints e
WHERE merchant_id = ? AND deleted_at IS NULL
  AND (? IS NULL OR (created_at, id) > (
      SELECT created_at, id FROM webhook_endpoints WHERE id = ? AND merchant_id = ?))
ORDER BY created_at, id LIMIT ?
"""
FAIL_ENDPOINT_DELIVERIES = """
UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL,
    last_error = 'endpoint deleted'
WHERE endpoint_id = ? AND status = 'pending'
"""
# Whether there is work at all: the partial indexes answer these from nothing when idle.
ANY_UNDISPATCHED = "SELECT 1 FROM events WHERE dispatched = 0 LIMIT 1"
ANY_DUE = (
    "SELECT 1 FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ? LIMIT 1"
)
UNDISPATCHED = """
SELECT id, merchant_id, type FROM events WHERE dispatched = 0 ORDER BY created_at, id LIMIT ?
"""
# OR IGNORE: the unique (event_id, endpoint_id) makes a second fan-out a no-op.
DISPATCH_ONE = """
INSERT OR IGNORE INTO webhook_deliveries
    (event_id, endpoint_id, merchant_id, next_attempt_at, created_at)
SELECT ?1, id, merchant_id, ?2, ?3 FROM webhook_endpoints
WHERE merchant_id = ?4 AND deleted_at IS NULL
  AND EXISTS (SELECT 1 FROM json_each(events) WHERE value IN ('*', ?5))
ORDER BY created_at, id
"""
# A lease that lapsed on the last allowed attempt: nobody will ever finish it.
FAIL_UNFINISHED = """
UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, last_error = ?
WHERE status = 'pending' AND attempts >= ? AND next_attempt_at <= ?
"""
# RETURNING cannot name other tables in SQLite: what the attempt needs is read after.
CLAIM = """
UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = ?1
WHERE id IN (
    SELECT id FROM webhook_deliveries
    WHERE status = 'pending' AND next_attempt_at <= ?2 AND attempts < ?3
    ORDER BY next_attempt_at, id LIMIT ?4)
RETURNING id, attempts
"""
CLAIMED = """
SELECT d.id, d.attempts, e.id, e.url, e.secret_ciphertext,
    ev.id, ev.merchant_id, ev.type, ev.created_at, ev.payment
FROM webhook_deliveries d
JOIN webhook_endpoints e ON e.id = d.endpoint_id JOIN events ev ON ev.id = d.event_id
WHERE d.id = ?
"""
FINISH_ATTEMPT = """
UPDATE webhook_attempts SET finished_at = ?, response_status = ?, error = ?
WHERE delivery_id = ? AND number = ?
"""
# Guarded by the attempt number: a worker whose lease lapsed while another started the
# next attempt records its own attempt but no longer decides the delivery's state.
FINISH_DELIVERY = """
UPDATE webhook_deliveries SET status = ?, last_response_status = ?, last_error = ?,
    next_attempt_at = ?, delivered_at = ?
WHERE id = ? AND attempts = ? AND status = 'pending'
"""
