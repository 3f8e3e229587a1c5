-- A posting that fails on its own, again and again (a "poison" row), is held aside after a few attempts so the
-- rows behind it are posted; it stays unposted — the night audit shows it and refuses to close — until the next
-- start of the daemon tries it again.

ALTER TABLE posting_outbox
  ADD COLUMN attempts    INT           NOT NULL DEFAULT 0,
  ADD COLUMN last_error  VARCHAR(300)  NULL,
  ADD COLUMN held_at     DATETIME(3)   NULL;
