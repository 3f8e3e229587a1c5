-- An auditor's decision that an exception call (from a vacant room, a house call, a failed posting) is charged to a
-- guest's account after all — e.g. the guest's check-in reached the system late. One per call (the latest decision);
-- the poster books it through the outbox like any other change, so the ledger keeps the whole history.

CREATE TABLE posting_assignments (
  call_id      BIGINT        NOT NULL PRIMARY KEY,
  account_pk   BIGINT        NOT NULL,
  assigned_by  VARCHAR(64)   NOT NULL,
  reason       VARCHAR(255)  NOT NULL,
  assigned_at  DATETIME(3)   NOT NULL,
  CONSTRAINT fk_posting_assignments_call FOREIGN KEY (call_id) REFERENCES calls (id),
  CONSTRAINT fk_posting_assignments_account FOREIGN KEY (account_pk) REFERENCES guest_accounts (id)
);

-- [jooq ignore start]
ALTER TABLE posting_assignments CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
-- [jooq ignore stop]
