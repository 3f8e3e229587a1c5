-- Guest accounts (帐户名) and the rooms they occupy over time (check-in, room moves, check-out).
-- A sharer's account points at the main account of the room: calls are charged to the main account.

CREATE TABLE guest_accounts (
  id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_id       VARCHAR(32)   NOT NULL,
  name             VARCHAR(100)  NOT NULL,
  deposit          DECIMAL(14,4) NOT NULL,
  currency         CHAR(3)       NOT NULL,
  main_account_id  BIGINT        NULL,
  checked_in_at    DATETIME(3)   NOT NULL,
  checked_out_at   DATETIME(3)   NULL,
  CONSTRAINT uq_guest_accounts_account UNIQUE (account_id)
);

CREATE TABLE room_occupancy (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  account_pk  BIGINT       NOT NULL,
  room        VARCHAR(16)  NOT NULL,
  from_at     DATETIME(3)  NOT NULL,
  to_at       DATETIME(3)  NULL,
  CONSTRAINT fk_room_occupancy_account FOREIGN KEY (account_pk) REFERENCES guest_accounts (id)
);

CREATE INDEX ix_room_occupancy_room ON room_occupancy (room, from_at);

-- [jooq ignore start]
ALTER TABLE guest_accounts CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE room_occupancy CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
-- [jooq ignore stop]
