-- Users can be disabled (staff who left) and re-enabled; they are never deleted, so the names in audit trails
-- keep meaning someone.

ALTER TABLE users
  ADD COLUMN disabled_at  DATETIME(3)  NULL,
  ADD COLUMN disabled_by  VARCHAR(64)  NULL;
