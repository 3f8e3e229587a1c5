-- Call records entered by hand (录入话单) and the audit trail of every edit to a call record.

ALTER TABLE calls ADD COLUMN source VARCHAR(8) NOT NULL DEFAULT 'PBX';

ALTER TABLE calls ADD COLUMN entered_by VARCHAR(64) NULL;

CREATE TABLE call_edits (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  call_id     BIGINT       NOT NULL,
  edited_at   DATETIME(3)  NOT NULL,
  edited_by   VARCHAR(64)  NOT NULL,
  field       VARCHAR(32)  NOT NULL,
  old_value   VARCHAR(200) NULL,
  new_value   VARCHAR(200) NULL,
  reason      VARCHAR(200) NOT NULL,
  CONSTRAINT fk_call_edits_call FOREIGN KEY (call_id) REFERENCES calls (id)
);

CREATE INDEX ix_call_edits_call ON call_edits (call_id);

-- [jooq ignore start]
ALTER TABLE call_edits CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
-- [jooq ignore stop]
