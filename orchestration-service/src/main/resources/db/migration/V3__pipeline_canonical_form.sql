-- The data set's canonical form, looked up in data-service at submit and handed to every job
-- (workers read only this server-made object, never the user's original).
ALTER TABLE pipeline ADD COLUMN canonical_key TEXT;
ALTER TABLE pipeline ADD COLUMN canonical_format TEXT;
