-- Derivative feature sets: one NPZ object in bucket `artifacts` (fields and derivatives by canonical
-- name) and its metadata. A job makes one feature set whatever the number of deliveries (job_id unique);
-- a REST request stores its row only once the object is stored.
CREATE TABLE feature_set (
    id                 UUID PRIMARY KEY,
    owner_id           TEXT NOT NULL,
    dataset_id         UUID,
    dataset_object_key TEXT,
    job_id             TEXT UNIQUE,
    idempotency_key    TEXT,
    pipeline_id        UUID,
    step_id            TEXT,
    -- fd, poly, sg, spectral or pinn
    method             TEXT NOT NULL,
    -- the request as validated: options, time method, names asked for, max order (json keeps member order)
    options            JSON NOT NULL,
    -- the PINN surrogate of method pinn: its id in pinn-training-service and its checkpoint s3://models/<key>
    model_id           TEXT,
    model_location     TEXT,
    -- the fields of the data set, then every value in the file, in file order
    fields             JSON,
    names              JSON,
    -- {"t":101,"x":256}
    grid_shape         JSON,
    -- points per end of each axis where the estimate is unreliable: {"t":2,"x":2}; {} for exact ones
    trim               JSON,
    object_key         TEXT,
    size_bytes         BIGINT,
    sha256             TEXT,
    status             TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'cancelled')),
    attempts           INT NOT NULL DEFAULT 1,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at       TIMESTAMPTZ,
    error              TEXT
);
CREATE INDEX feature_set_owner_created ON feature_set (owner_id, created_at DESC);
CREATE INDEX feature_set_created ON feature_set (created_at DESC);
CREATE INDEX feature_set_model ON feature_set (owner_id, model_location);
