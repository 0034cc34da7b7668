-- The payment lifecycle (issue 12): capture, void, refund.
--
-- The actions live in the payment's row, a JSON array oldest first. They are part of the
-- aggregate: never read or written without it, and every change of one goes through the
-- payment's version-guarded UPDATE, which is what serializes concurrent actions on one
-- payment. One column keeps that a single statement, atomic by itself, and a read stays
-- one row. What must never break is enforced here all the same: the amounts' order, the
-- statuses, and the shape of every action.
--
-- Constant defaults make the new columns catalogue changes only (no table rewrite).
-- NOT VALID skips checking the existing rows, which hold those defaults and one of the
-- four older statuses, so satisfy every constraint; new and updated rows are checked.
ALTER TABLE payments
    ADD COLUMN captured_amount bigint NOT NULL DEFAULT 0,
    ADD COLUMN refunded_amount bigint NOT NULL DEFAULT 0,
    ADD COLUMN actions jsonb NOT NULL DEFAULT '[]'::jsonb;

ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check CHECK (status IN (
    'Pending', 'Authorized', 'Declined', 'Failed', 'PartiallyCaptured', 'Captured',
    'Voided', 'PartiallyRefunded', 'Refunded', 'Expired'
)) NOT VALID;
ALTER TABLE payments ADD CONSTRAINT payments_lifecycle_amounts
    CHECK (0 <= refunded_amount AND refunded_amount <= captured_amount
        AND captured_amount <= amount) NOT VALID;
-- Every action: a string id, a known type and status, a positive whole amount, both
-- times. A missing field makes its test false, so the action is refused.
ALTER TABLE payments ADD CONSTRAINT payments_actions_are_valid CHECK (
    jsonb_typeof(actions) = 'array'
    AND NOT jsonb_path_exists(actions, '$[*] ? (
        !(@.id.type() == "string")
        || !(@.type == "capture" || @.type == "void" || @.type == "refund")
        || !(@.status == "Pending" || @.status == "Succeeded" || @.status == "Failed")
        || !(@.amount.type() == "number" && @.amount > 0 && @.amount == @.amount.floor())
        || !(@.created_at.type() == "string" && @.updated_at.type() == "string")
    )')
) NOT VALID;

-- The sweeps' two questions, each one range read of a small partial index (few payments
-- hold a Pending action; Authorized ones await capture or expiry). IF NOT EXISTS: on a
-- large live table an operator builds them beforehand with CREATE INDEX CONCURRENTLY.
CREATE INDEX IF NOT EXISTS payments_pending_action_updated
    ON payments (updated_at, id) WHERE actions @> '[{"status": "Pending"}]';
CREATE INDEX IF NOT EXISTS payments_authorized_created
    ON payments (created_at, id) WHERE status = 'Authorized';
