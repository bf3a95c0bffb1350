-- audit-service records its own events (reads of the log: audit.query, audit.verify, audit.export)
-- through the platform's outbox like every service: R__platform_audit_outbox.sql creates the table
-- (repeatable migrations run in order of description, so that one first). The writer role, which may
-- only SELECT and INSERT on the log, may use the outbox fully: the relay locks (FOR UPDATE) and deletes
-- the rows it published.
GRANT SELECT, INSERT, UPDATE, DELETE ON audit_outbox TO ${writer_role};
GRANT USAGE, SELECT ON SEQUENCE audit_outbox_id_seq TO ${writer_role};
