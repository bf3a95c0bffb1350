-- Discovery runs (one per job, whatever the number of deliveries) and their equations.
CREATE TABLE discovery_run (
    id                 UUID PRIMARY KEY,
    -- the job id of the message: a job delivered twice stores one run
    job_id             TEXT NOT NULL UNIQUE,
    idempotency_key    TEXT NOT NULL,
    pipeline_id        UUID,
    step_id            TEXT,
    dataset_id         UUID,
    dataset_object_key TEXT,
    owner_id           TEXT NOT NULL,
    status             TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'cancelled')),
    attempts           INT NOT NULL DEFAULT 1,
    -- json, not jsonb: kept as written, so the API returns the members in physics-core's order
    settings           JSON NOT NULL,
    metrics            JSON,
    provenance         JSON,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at       TIMESTAMPTZ,
    error              TEXT
);
CREATE INDEX discovery_run_owner_created ON discovery_run (owner_id, created_at DESC);
CREATE INDEX discovery_run_created ON discovery_run (created_at DESC);
CREATE INDEX discovery_run_pipeline ON discovery_run (pipeline_id);

CREATE TABLE discovered_equation (
    id       UUID PRIMARY KEY,
    run_id   UUID NOT NULL REFERENCES discovery_run (id) ON DELETE CASCADE,
    ordinal  INT NOT NULL,
    lhs      TEXT NOT NULL,
    -- [{"term":"u*u_x","coefficient":-1.0}, ...] in library order
    terms    JSONB NOT NULL,
    latex    TEXT NOT NULL,
    UNIQUE (run_id, ordinal)
);
