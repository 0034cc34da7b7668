-- Lists and metadata (issue 13).
--
-- Metadata: the merchant's string labels, a JSON object. A constant default makes the
-- column a catalogue change only (no table rewrite); NOT VALID skips checking the
-- existing rows, which all hold that default.
ALTER TABLE payments ADD COLUMN metadata jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE payments ADD CONSTRAINT payments_metadata_is_an_object
    CHECK (jsonb_typeof(metadata) = 'object') NOT VALID;

-- Keyset pagination, newest first: each index matches a list query's equality columns
-- then its order, so a page is one index range read of `limit + 1` entries however deep
-- it is and however many rows the merchant has: no Sort, no OFFSET. On a large live
-- table an operator builds them beforehand with CREATE INDEX CONCURRENTLY (which cannot
-- run in this migration's transaction); IF NOT EXISTS then makes this a no-op.
CREATE INDEX IF NOT EXISTS payments_merchant_created
    ON payments (merchant_id, created_at DESC, id DESC);
-- ?status=: reconciliation lists the Authorized (or Failed) payments of a day.
CREATE INDEX IF NOT EXISTS payments_merchant_status_created
    ON payments (merchant_id, status, created_at DESC, id DESC);
-- ?reference=: a merchant's order reference; payments without one are not indexed.
CREATE INDEX IF NOT EXISTS payments_merchant_reference_created
    ON payments (merchant_id, reference, created_at DESC, id DESC) WHERE reference IS NOT NULL;
