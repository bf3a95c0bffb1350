-- Owned by platform (io.physforge.platform.audit): added to every service's Flyway locations.
-- Audit events written in the transaction of the change they record; AuditOutboxRelay
-- publishes them to the Redis stream pf:audit and deletes them. Unqualified: it lands in the
-- service's default schema.
CREATE TABLE IF NOT EXISTS audit_outbox (
    id          BIGSERIAL PRIMARY KEY,
    event_id    UUID        NOT NULL,
    event       TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
