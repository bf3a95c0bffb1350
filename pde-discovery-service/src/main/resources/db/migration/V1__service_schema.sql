-- Schema `discovery` belongs to pde-discovery-service alone; no other service reads or writes it.
-- The tables of this service's features arrive in later migrations.
CREATE TABLE service_info (
    name        TEXT PRIMARY KEY,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO service_info (name) VALUES ('pde-discovery-service');
