-- The append-only audit log: events in a keyed hash chain, signed checkpoints, and the
-- published checkpoint keys. See docs/audit.md.
CREATE TABLE event_log (
    seq            BIGINT PRIMARY KEY CHECK (seq > 0),
    event_id       UUID NOT NULL UNIQUE,
    occurred_at    TIMESTAMPTZ NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    service        TEXT NOT NULL,
    actor          TEXT NOT NULL,
    actor_roles    TEXT[] NOT NULL,
    action         TEXT NOT NULL,
    resource_type  TEXT NOT NULL,
    resource_id    TEXT,
    outcome        TEXT NOT NULL,
    -- the RFC 8785 canonical JSON of the event, exactly as hashed
    event          TEXT NOT NULL,
    -- SHA-256(0x00 || event): the RFC 9162 Merkle leaf
    leaf_hash      BYTEA NOT NULL,
    -- hash of seq - 1 (32 zero bytes for seq 1)
    prev_hash      BYTEA NOT NULL,
    -- HMAC-SHA256(key, prev_hash || event)
    hash           BYTEA NOT NULL
);
CREATE INDEX event_log_actor_idx ON event_log (actor, seq);
CREATE INDEX event_log_action_idx ON event_log (action, seq);
CREATE INDEX event_log_resource_idx ON event_log (resource_type, resource_id, seq);
CREATE INDEX event_log_occurred_at_idx ON event_log (occurred_at);

CREATE TABLE checkpoint (
    tree_size        BIGINT PRIMARY KEY CHECK (tree_size >= 0),
    root_hash        BYTEA NOT NULL,
    last_chain_hash  BYTEA NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    key_id           TEXT NOT NULL,
    signature        BYTEA NOT NULL
);

CREATE TABLE signing_key (
    key_id      TEXT PRIMARY KEY,
    -- X.509 SubjectPublicKeyInfo DER of the Ed25519 public key
    public_key  BYTEA NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Nobody changes or removes a stored row, not even a superuser, without first disabling
-- this trigger (which itself needs the table owner and is visible in the database log).
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % on %.% is refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER event_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON event_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER checkpoint_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER signing_key_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON signing_key
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- The role the service's runtime connections take (SET ROLE): read and append, nothing
-- else. Roles are cluster-wide, so it is created only when missing.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${writer_role}') THEN
        CREATE ROLE ${writer_role} NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL; -- created at the same moment by another migration
END
$$;
DO $$
BEGIN
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('GRANT %I TO %I', '${writer_role}', current_user);
    END IF;
END
$$;
REVOKE ALL ON event_log, checkpoint, signing_key FROM PUBLIC;
GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${writer_role};
GRANT SELECT, INSERT ON event_log, checkpoint, signing_key TO ${writer_role};
GRANT SELECT ON service_info, ${flyway:table} TO ${writer_role};
