-- Lists and metadata (issue 13). Metadata is a JSON object of strings, as TEXT.
ALTER TABLE payments ADD COLUMN metadata TEXT NOT NULL DEFAULT '{}';

-- Keyset pagination, newest first: equality columns, then the list's order, so a page
-- is one index range read with no sort step (see the EXPLAIN QUERY PLAN test).
CREATE INDEX payments_merchant_created ON payments (merchant_id, created_at DESC, id DESC);
CREATE INDEX payments_merchant_status_created
    ON payments (merchant_id, status, created_at DESC, id DESC);
CREATE INDEX payments_merchant_reference_created
    ON payments (merchant_id, reference, created_at DESC, id DESC) WHERE reference IS NOT NULL;
