-- Data sets and resumable uploads of data-service (schema `data`).

-- One row per data set. The original upload and the canonical form (written by
-- physics-core DataSets.write, read by workers) live in the `datasets` bucket under
-- server-generated keys; a simulated data set has no separate original.
CREATE TABLE datasets (
    id                 UUID PRIMARY KEY,
    owner_id           TEXT        NOT NULL,
    name               TEXT        NOT NULL,
    description        TEXT        NOT NULL DEFAULT '',
    source             TEXT        NOT NULL CHECK (source IN ('UPLOAD', 'SIMULATION')),
    format             TEXT        NOT NULL,
    original_filename  TEXT,
    fields             JSONB       NOT NULL,
    coordinates        JSONB       NOT NULL,
    shape              JSONB       NOT NULL,
    value_ranges       JSONB       NOT NULL,
    byte_size          BIGINT      NOT NULL CHECK (byte_size >= 0),
    sha256             CHAR(64)    NOT NULL,
    original_key       TEXT,
    canonical_format   TEXT        NOT NULL,
    canonical_key      TEXT        NOT NULL,
    canonical_size     BIGINT      NOT NULL CHECK (canonical_size >= 0),
    provenance         JSONB       NOT NULL DEFAULT '{}'::jsonb,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX datasets_owner_created ON datasets (owner_id, created_at DESC, id);
CREATE INDEX datasets_created ON datasets (created_at DESC, id);

-- A resumable upload in progress: the client sends fixed-size chunks in any order,
-- each stored as its own object, then completes it into a data set.
CREATE TABLE uploads (
    id            UUID PRIMARY KEY,
    owner_id      TEXT        NOT NULL,
    name          TEXT        NOT NULL,
    description   TEXT        NOT NULL DEFAULT '',
    filename      TEXT        NOT NULL,
    total_size    BIGINT      NOT NULL CHECK (total_size > 0),
    chunk_size    BIGINT      NOT NULL CHECK (chunk_size > 0),
    sha256        CHAR(64),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX uploads_owner ON uploads (owner_id);
CREATE INDEX uploads_updated ON uploads (updated_at);

CREATE TABLE upload_chunks (
    upload_id   UUID        NOT NULL REFERENCES uploads (id) ON DELETE CASCADE,
    chunk_index INTEGER     NOT NULL CHECK (chunk_index >= 0),
    object_key  TEXT        NOT NULL,
    size        BIGINT      NOT NULL CHECK (size > 0),
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (upload_id, chunk_index)
);
