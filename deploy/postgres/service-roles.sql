-- The database login roles of the services that use the database (the archiver uses none); idempotent, psql only
-- (\gexec). psql variables: :"submitter" and :"poller" (role names), :'submitter_password' and :'poller_password',
-- :"admin" (the account scripts and local runs use). Run as a superuser; deploy/postgres/grants.sql follows.
SELECT format('CREATE ROLE %I LOGIN', :'submitter') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'submitter') \gexec
SELECT format('CREATE ROLE %I LOGIN', :'poller') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'poller') \gexec
ALTER ROLE :"submitter" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'submitter_password';
ALTER ROLE :"poller" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'poller_password';

-- The admin account stays able to run any service (its schema scripts need the tables' owner's rights) and to
-- create throwaway roles (the integration tests make one per service per run).
GRANT :"submitter", :"poller" TO :"admin";
ALTER ROLE :"admin" CREATEROLE;

-- grants.sql runs next as the admin account, as in the integration tests: the shared table it makes is the admin's,
-- so local runs on that account keep using it. (A table an earlier run made as the superuser passes to the admin.)
ALTER TABLE IF EXISTS provider_rate_limits OWNER TO :"admin";
SET ROLE :"admin";
