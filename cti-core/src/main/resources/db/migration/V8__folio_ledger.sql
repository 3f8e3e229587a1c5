-- Guest folio posting and the night audit.
--
-- posting_outbox: written in the same transaction as a call's charge (a rating, a manual entry, a
-- correction, a re-rating), so a crash between rating and posting loses nothing; the poster turns each
-- row into folio entries and marks it done in one transaction, so nothing is posted twice.
-- folio_entries: the ledger. A call's first entry books its charge; later changes book the difference
-- (or move it to another folio) as adjustments. Entries are never updated or deleted.
-- ledger_state / closed_dates: a closed business date takes no more entries; later ones go to the
-- first open date.
-- credit_bars: rooms barred from outside calls when a guest's charges reach the deposit share, and
-- who lifted a bar, when and why. cos_applied: the class of service last set on the PBX per extension.

CREATE TABLE posting_outbox (
  id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  call_id     BIGINT        NOT NULL,
  cause       VARCHAR(16)   NOT NULL,
  created_at  DATETIME(3)   NOT NULL,
  done_at     DATETIME(3)   NULL,
  CONSTRAINT fk_posting_outbox_call FOREIGN KEY (call_id) REFERENCES calls (id)
);

CREATE INDEX ix_posting_outbox_pending ON posting_outbox (done_at, id);

CREATE TABLE folio_entries (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  outbox_id     BIGINT        NOT NULL,
  line_no       INT           NOT NULL,
  call_id       BIGINT        NOT NULL,
  booked_on     DATE          NOT NULL,
  call_date     DATE          NOT NULL,
  kind          VARCHAR(16)   NOT NULL,
  cause         VARCHAR(16)   NOT NULL,
  outcome       VARCHAR(16)   NOT NULL,
  account_pk    BIGINT        NULL,
  account_id    VARCHAR(32)   NULL,
  account_name  VARCHAR(100)  NULL,
  room          VARCHAR(16)   NULL,
  extension     VARCHAR(32)   NULL,
  dialled       VARCHAR(80)   NOT NULL,
  started_at    DATETIME(3)   NOT NULL,
  seconds       BIGINT        NOT NULL,
  category      VARCHAR(16)   NULL,
  area          VARCHAR(80)   NULL,
  currency      CHAR(3)       NOT NULL,
  amount        DECIMAL(14,4) NOT NULL,
  service_fee   DECIMAL(14,4) NOT NULL,
  surcharge     DECIMAL(14,4) NOT NULL,
  tax           DECIMAL(14,4) NOT NULL,
  total         DECIMAL(14,4) NOT NULL,
  detail        VARCHAR(300)  NOT NULL,
  created_at    DATETIME(3)   NOT NULL,
  CONSTRAINT uq_folio_entries_outbox_line UNIQUE (outbox_id, line_no),
  CONSTRAINT fk_folio_entries_outbox FOREIGN KEY (outbox_id) REFERENCES posting_outbox (id),
  CONSTRAINT fk_folio_entries_account FOREIGN KEY (account_pk) REFERENCES guest_accounts (id)
);

CREATE INDEX ix_folio_entries_booked ON folio_entries (booked_on);

CREATE INDEX ix_folio_entries_call ON folio_entries (call_id);

CREATE INDEX ix_folio_entries_account ON folio_entries (account_pk);

CREATE TABLE ledger_state (
  id           INT   NOT NULL PRIMARY KEY,
  last_closed  DATE  NULL
);

INSERT INTO ledger_state (id, last_closed) VALUES (1, NULL);

CREATE TABLE closed_dates (
  business_date     DATE          NOT NULL PRIMARY KEY,
  closed_at         DATETIME(3)   NOT NULL,
  closed_by         VARCHAR(64)   NOT NULL,
  currency          CHAR(3)       NOT NULL,
  rated_total       DECIMAL(14,4) NOT NULL,
  posted_total      DECIMAL(14,4) NOT NULL,
  exceptions_total  DECIMAL(14,4) NOT NULL,
  entries           INT           NOT NULL
);

CREATE TABLE credit_bars (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_pk   BIGINT        NOT NULL,
  barred_at    DATETIME(3)   NOT NULL,
  charged      DECIMAL(14,4) NOT NULL,
  deposit      DECIMAL(14,4) NOT NULL,
  credit_limit DECIMAL(14,4) NOT NULL,
  announced_at DATETIME(3)   NULL,
  lifted_at    DATETIME(3)   NULL,
  lifted_by    VARCHAR(64)   NULL,
  lift_reason  VARCHAR(200)  NULL,
  new_deposit  DECIMAL(14,4) NULL,
  CONSTRAINT fk_credit_bars_account FOREIGN KEY (account_pk) REFERENCES guest_accounts (id)
);

CREATE INDEX ix_credit_bars_account ON credit_bars (account_pk);

ALTER TABLE guest_accounts ADD COLUMN credit_override BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE cos_applied (
  extension   VARCHAR(32)  NOT NULL PRIMARY KEY,
  cos         VARCHAR(16)  NOT NULL,
  applied_at  DATETIME(3)  NOT NULL
);

-- [jooq ignore start]
ALTER TABLE folio_entries CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE credit_bars CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE closed_dates CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
-- [jooq ignore stop]
