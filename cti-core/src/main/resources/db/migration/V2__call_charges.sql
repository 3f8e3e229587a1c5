-- The price of each rated call (guests' outbound calls), one row per call, replaced by a re-rating.
-- Amounts keep up to 4 decimals so any currency's scale fits; the currency says which scale applies.

CREATE TABLE call_charges (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  call_id         BIGINT        NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  reason          VARCHAR(32)   NULL,
  category        VARCHAR(16)   NULL,
  area            VARCHAR(80)   NULL,
  currency        CHAR(3)       NULL,
  amount          DECIMAL(14,4) NULL,
  service_fee     DECIMAL(14,4) NULL,
  surcharge       DECIMAL(14,4) NULL,
  tax             DECIMAL(14,4) NULL,
  total           DECIMAL(14,4) NULL,
  tariff_version  VARCHAR(64)   NULL,
  rule            VARCHAR(120)  NULL,
  explanation     VARCHAR(500)  NOT NULL,
  rated_at        DATETIME(3)   NOT NULL,
  CONSTRAINT uq_call_charges_call UNIQUE (call_id),
  CONSTRAINT fk_call_charges_call FOREIGN KEY (call_id) REFERENCES calls (id)
);
