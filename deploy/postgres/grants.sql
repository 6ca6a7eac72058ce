-- What each service's database role may do in the platform database; idempotent. psql variables :"submitter" and
-- :"poller" name the two roles (the archiver uses no database and has no role). Run as a superuser or the database owner,
-- after deploy/postgres/service-roles.sql, by scripts/infra.sh and by compose (deploy/postgres/10-service-roles.sh);
-- the integration tests run this same file for their own roles.
--
-- Each service creates its own tables at start (CREATE TABLE IF NOT EXISTS, ADD COLUMN IF NOT EXISTS, CREATE INDEX),
-- which takes owning them: so each role may create in the schema and owns its own tables, and has no right at all on
-- the other's (the submitter cannot touch video_tasks, the poller cannot touch submissions).
GRANT USAGE, CREATE ON SCHEMA public TO :"submitter", :"poller";

-- Tables made before these roles existed (by the admin account) pass to the service that makes them.
ALTER TABLE IF EXISTS submissions OWNER TO :"submitter";
ALTER TABLE IF EXISTS video_tasks OWNER TO :"poller";

-- The provider rate limits are the one table both share, and either may be first to need it: made here, ahead of both,
-- owned by the account running this file, rows open to both. Same definition as PostgresRateLimitStore.Schema (a test
-- keeps them equal); the services' own CREATE TABLE IF NOT EXISTS then finds it.
CREATE TABLE IF NOT EXISTS provider_rate_limits (
    key           text PRIMARY KEY,
    tokens        double precision NOT NULL,
    refilled_at   timestamptz NOT NULL,
    blocked_until timestamptz NOT NULL
);
GRANT SELECT, INSERT, UPDATE ON provider_rate_limits TO :"submitter", :"poller";
