-- Pipelines: a data set and a DAG of steps; one job per step.
CREATE TABLE pipeline (
    id           UUID PRIMARY KEY,
    owner_id     TEXT        NOT NULL,
    dataset_id   UUID        NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
    error        TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at   TIMESTAMPTZ,
    finished_at  TIMESTAMPTZ,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX pipeline_owner_created ON pipeline (owner_id, created_at DESC);
CREATE INDEX pipeline_created ON pipeline (created_at DESC);

-- A job is queued from creation; enqueued_at is set when its current attempt is handed to the outbox
-- (null while it waits for upstream jobs).
CREATE TABLE job (
    id               UUID PRIMARY KEY,
    pipeline_id      UUID        NOT NULL REFERENCES pipeline (id) ON DELETE CASCADE,
    step_id          TEXT        NOT NULL,
    position         INT         NOT NULL,
    type             TEXT        NOT NULL,
    queue            TEXT        NOT NULL,
    params           JSONB       NOT NULL,
    depends_on       JSONB       NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
    progress         INT         NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    progress_message TEXT,
    attempts         INT         NOT NULL DEFAULT 0,
    max_attempts     INT         NOT NULL,
    timeout_seconds  BIGINT      NOT NULL,
    result           JSONB,
    error            TEXT,
    republished      INT         NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    enqueued_at      TIMESTAMPTZ,
    published_at     TIMESTAMPTZ,
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (pipeline_id, step_id)
);
CREATE INDEX job_pipeline ON job (pipeline_id, position);
CREATE INDEX job_active ON job (status) WHERE status IN ('queued', 'running');

-- Transactional outbox: written with the job rows, published to pf:jobs:<queue> by the relay.
CREATE TABLE outbox (
    id               BIGSERIAL PRIMARY KEY,
    job_id           UUID        NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    attempt          INT         NOT NULL,
    queue            TEXT        NOT NULL,
    idempotency_key  TEXT        NOT NULL,
    payload          TEXT        NOT NULL,
    available_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at          TIMESTAMPTZ,
    outcome          TEXT,
    UNIQUE (job_id, attempt)
);
CREATE INDEX outbox_unsent ON outbox (available_at) WHERE sent_at IS NULL;
