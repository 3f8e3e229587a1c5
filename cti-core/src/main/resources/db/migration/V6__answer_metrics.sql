-- Answer-speed measurements (the three-ring rule). One row per call and department it was offered
-- to, as measured when the call was stored — with the threshold, talk target and shift then in
-- force, so a past day's report never changes — and one row per staff phone offered the call.

CREATE TABLE answer_measurements (
  id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  call_id           BIGINT       NOT NULL,
  department        VARCHAR(32)  NOT NULL,
  offered_extension VARCHAR(32)  NOT NULL,
  ring_started_at   DATETIME(3)  NULL,
  answered_at       DATETIME(3)  NULL,
  ring_ms           BIGINT       NULL,
  rings             INT          NOT NULL,
  answered_by       VARCHAR(32)  NULL,
  talk_ms           BIGINT       NOT NULL,
  outcome           VARCHAR(20)  NOT NULL,
  threshold_ms      BIGINT       NOT NULL,
  call_type         VARCHAR(32)  NULL,
  talk_target_s     INT          NULL,
  shift_date        DATE         NOT NULL,
  shift_name        VARCHAR(32)  NOT NULL,
  local_hour        INT          NOT NULL,
  CONSTRAINT uq_answer_measurements_call UNIQUE (call_id, department),
  CONSTRAINT fk_answer_measurements_call FOREIGN KEY (call_id) REFERENCES calls (id)
);

CREATE INDEX ix_answer_measurements_day ON answer_measurements (shift_date, department);

CREATE TABLE answer_phones (
  id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  call_id           BIGINT       NOT NULL,
  department        VARCHAR(32)  NOT NULL,
  extension         VARCHAR(32)  NOT NULL,
  ring_started_at   DATETIME(3)  NULL,
  ring_ms           BIGINT       NOT NULL,
  rings             INT          NOT NULL,
  result            VARCHAR(16)  NOT NULL,
  within_threshold  BOOLEAN      NOT NULL,
  CONSTRAINT uq_answer_phones UNIQUE (call_id, department, extension),
  CONSTRAINT fk_answer_phones_call FOREIGN KEY (call_id) REFERENCES calls (id)
);


-- Set once the call has been measured (offered to staff or not), in the same transaction as its measurements.
ALTER TABLE calls ADD COLUMN measured BOOLEAN NOT NULL DEFAULT FALSE;
