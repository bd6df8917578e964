-- Run by `flask init-db` before schema.sql: start from an empty database.
DROP TABLE IF EXISTS user;
