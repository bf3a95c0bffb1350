-- Retention: events older than physforge.audit.retention are summarised into a signed
-- retention checkpoint before their rows may be removed, and only rows so covered can be.
CREATE TABLE retention_checkpoint (
    to_seq           BIGINT PRIMARY KEY CHECK (to_seq > 0),
    from_seq         BIGINT NOT NULL CHECK (from_seq > 0 AND from_seq <= to_seq),
    event_count      BIGINT NOT NULL,
    -- RFC 8785 canonical JSON: counts per action of the removed events
    action_counts    TEXT NOT NULL,
    last_chain_hash  BYTEA NOT NULL,
    -- the Merkle frontier at tree size to_seq: 32-byte subtree roots, largest first
    frontier         BYTEA NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    key_id           TEXT NOT NULL,
    signature        BYTEA NOT NULL
);
CREATE TRIGGER retention_checkpoint_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON retention_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- event_log: UPDATE and TRUNCATE stay refused for everyone; DELETE only of rows a retention
-- checkpoint covers.
DROP TRIGGER event_log_append_only ON event_log;
CREATE TRIGGER event_log_append_only BEFORE UPDATE OR TRUNCATE ON event_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE FUNCTION refuse_uncovered_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM retention_checkpoint r WHERE r.to_seq >= OLD.seq) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'the audit log is append-only: DELETE on %.% is refused (seq % is not covered by a retention checkpoint)',
        TG_TABLE_SCHEMA, TG_TABLE_NAME, OLD.seq USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER event_log_delete_retained BEFORE DELETE ON event_log
    FOR EACH ROW EXECUTE FUNCTION refuse_uncovered_delete();

-- The only way rows leave: remove what the newest retention checkpoint covers. Runs as the
-- migration user (the writer role has no DELETE); the trigger above still checks each row.
CREATE FUNCTION purge_retained() RETURNS BIGINT LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
DECLARE
    covered BIGINT;
    removed BIGINT;
BEGIN
    SELECT max(to_seq) INTO covered FROM retention_checkpoint;
    IF covered IS NULL THEN
        RETURN 0;
    END IF;
    DELETE FROM event_log WHERE seq <= covered;
    GET DIAGNOSTICS removed = ROW_COUNT;
    RETURN removed;
END
$$;
REVOKE ALL ON FUNCTION purge_retained() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION purge_retained() TO ${writer_role};
GRANT SELECT, INSERT ON retention_checkpoint TO ${writer_role};
