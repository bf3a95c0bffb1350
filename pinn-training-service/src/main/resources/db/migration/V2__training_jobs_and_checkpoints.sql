-- PINN training jobs (one row per job id, whatever the number of deliveries) and the model
-- checkpoints they produce (one per completed job).
CREATE TABLE pinn_training_job (
    -- the job id of the queue message (a UUID, made by this service or the orchestrator)
    id                  UUID PRIMARY KEY,
    idempotency_key     TEXT,
    pipeline_id         UUID,
    step_id             TEXT,
    -- 'api' (POST /api/pinn/jobs) or 'pipeline' (a step of an orchestrator pipeline)
    source              TEXT NOT NULL CHECK (source IN ('api', 'pipeline')),
    owner_id            TEXT NOT NULL,
    dataset_id          UUID,
    dataset_object_key  TEXT,
    status              TEXT NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
    attempts            INT NOT NULL DEFAULT 0,
    -- 0..1, and the last point of the loss curve (step, phase, losses, coefficients)
    progress            DOUBLE PRECISION NOT NULL DEFAULT 0,
    last_progress       JSON,
    -- PinnSettings.asMap() plus noise/noiseSeed; the raw parameters when they were invalid
    config              JSON NOT NULL,
    final_loss          DOUBLE PRECISION,
    data_loss           DOUBLE PRECISION,
    pde_loss            DOUBLE PRECISION,
    bc_loss             DOUBLE PRECISION,
    ic_loss             DOUBLE PRECISION,
    regularisation_loss DOUBLE PRECISION,
    epochs_run          INT,
    duration_ms         BIGINT,
    model_id            UUID,
    -- bucket/key of the checkpoint and of the loss history (JSON)
    model_path          TEXT,
    logs_path           TEXT,
    provenance          JSON,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at          TIMESTAMPTZ,
    completed_at        TIMESTAMPTZ,
    cancel_requested_at TIMESTAMPTZ,
    error               TEXT
);
CREATE INDEX pinn_training_job_owner_created ON pinn_training_job (owner_id, created_at DESC);
CREATE INDEX pinn_training_job_created ON pinn_training_job (created_at DESC);
CREATE INDEX pinn_training_job_pipeline ON pinn_training_job (pipeline_id);

CREATE TABLE model_checkpoint (
    id            UUID PRIMARY KEY,
    -- one checkpoint per job: a redelivered job stores no second one
    job_id        UUID NOT NULL UNIQUE REFERENCES pinn_training_job (id) ON DELETE CASCADE,
    owner_id      TEXT NOT NULL,
    bucket        TEXT NOT NULL,
    object_key    TEXT NOT NULL,
    size_bytes    BIGINT NOT NULL,
    -- inputs, outputs, hiddenLayers, activation, parameters
    architecture  JSON NOT NULL,
    -- coefficients (learned), losses, equation, epochs, durationMillis
    metrics       JSON NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX model_checkpoint_owner_created ON model_checkpoint (owner_id, created_at DESC);
