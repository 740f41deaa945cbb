-- Expired idempotency keys are purged by age (keep in step with ../sqlite/0002_idempotency_keys_by_age.sql).
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
