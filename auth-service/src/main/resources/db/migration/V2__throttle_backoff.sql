-- Failed logins and password changes, one row each: throttling counts them per
-- (account, client address) pair, per client address and per account (distinct addresses).
DROP TABLE login_failures;
CREATE TABLE auth_failures (
    id         BIGSERIAL PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('login', 'password-change')),
    account    TEXT NOT NULL,
    client     TEXT NOT NULL,
    failed_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX auth_failures_account ON auth_failures (kind, account, failed_at);
CREATE INDEX auth_failures_client ON auth_failures (kind, client, failed_at);
