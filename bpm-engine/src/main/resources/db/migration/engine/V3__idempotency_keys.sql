-- Idempotency keys (IETF draft-ietf-httpapi-idempotency-key-header): the first request with a key is executed and its
-- answer kept here, so that a retried request gets the same answer instead of being applied twice. A table, not a
-- node's memory: the retry may reach another node.
-- state PENDING: the first request is still running (claimed in its own short transaction); DONE: its answer is kept,
-- written in the same transaction as the business change it answers.
CREATE TABLE cf_idempotency_key (
    user_id      VARCHAR(255)  NOT NULL,
    idem_key     VARCHAR(255)  NOT NULL,
    fingerprint  VARCHAR(64)   NOT NULL,
    state        VARCHAR(16)   NOT NULL,
    claimed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    status       INT,
    content_type VARCHAR(255),
    location     VARCHAR(2000),
    body         BYTEA,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, idem_key)
);
CREATE INDEX ix_cf_idempotency_key_expiry ON cf_idempotency_key (expires_at);
