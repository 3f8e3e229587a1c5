-- Completed calls, one row per Asterisk call (Linkedid), and their channel legs.
-- Instants are stored as UTC DATETIME(3); local_date is the hotel-zone calendar date of the call start.

CREATE TABLE calls (
  id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  linkedid          VARCHAR(64)  NOT NULL,
  direction         VARCHAR(16)  NOT NULL,
  caller_number     VARCHAR(80)  NOT NULL,
  caller_name       VARCHAR(80)  NULL,
  callee_number     VARCHAR(80)  NOT NULL,
  trunk_digits      VARCHAR(80)  NULL,
  trunk             VARCHAR(64)  NULL,
  extension         VARCHAR(32)  NULL,
  answered_by       VARCHAR(32)  NULL,
  room              VARCHAR(16)  NULL,
  department        VARCHAR(32)  NULL,
  started_at        DATETIME(3)  NOT NULL,
  ring_started_at   DATETIME(3)  NULL,
  answered_at       DATETIME(3)  NULL,
  ended_at          DATETIME(3)  NOT NULL,
  ring_ms           BIGINT       NULL,
  talk_ms           BIGINT       NOT NULL,
  disposition       VARCHAR(16)  NOT NULL,
  hangup_cause      INT          NULL,
  hangup_cause_text VARCHAR(80)  NULL,
  time_source       VARCHAR(16)  NOT NULL,
  cdr_rows          INT          NOT NULL,
  cdr_billsec       INT          NULL,
  cdr_disposition   VARCHAR(16)  NULL,
  cdr_check         VARCHAR(16)  NOT NULL,
  completeness      VARCHAR(32)  NOT NULL,
  local_date        DATE         NOT NULL,
  stored_at         DATETIME(3)  NOT NULL,
  CONSTRAINT uq_calls_linkedid UNIQUE (linkedid)
);

CREATE INDEX ix_calls_local_date ON calls (local_date);

CREATE INDEX ix_calls_room_date ON calls (room, local_date);

CREATE TABLE call_legs (
  id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  call_id           BIGINT       NOT NULL,
  uniqueid          VARCHAR(64)  NOT NULL,
  channel           VARCHAR(128) NOT NULL,
  role              VARCHAR(8)   NOT NULL,
  extension         VARCHAR(32)  NULL,
  created_at        DATETIME(3)  NOT NULL,
  ring_started_at   DATETIME(3)  NULL,
  answered_at       DATETIME(3)  NULL,
  hung_up_at        DATETIME(3)  NULL,
  dial_status       VARCHAR(16)  NULL,
  hangup_cause      INT          NULL,
  CONSTRAINT uq_call_legs_uniqueid UNIQUE (uniqueid),
  CONSTRAINT fk_call_legs_call FOREIGN KEY (call_id) REFERENCES calls (id)
);

CREATE INDEX ix_call_legs_extension ON call_legs (extension);
