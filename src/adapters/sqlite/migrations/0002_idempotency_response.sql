-- What the first request with a key answered, so a replay answers the same: the payment
-- as it was returned (the codec's JSON record: last4, brand, expiry and fingerprint of the
-- card, never its number or CVV) and the Retry-After it carried. NULL until completed, and
-- for keys completed before this migration (those replay the stored payment).
ALTER TABLE idempotency_keys ADD COLUMN response TEXT;
ALTER TABLE idempotency_keys ADD COLUMN retry_after_seconds INTEGER;
