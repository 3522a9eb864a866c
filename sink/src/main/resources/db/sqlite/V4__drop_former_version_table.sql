-- The version table of the sink's own migration runner, which Flyway's history replaced: a
-- database it had migrated was taken over at its version (see Migrations).
DROP TABLE IF EXISTS newsflow_schema_version;
