-- A credit bar is an alarm for the operators until one of them acknowledges it (who and when are kept), so an
-- operator who opens the console after the bar was set still sees it.

ALTER TABLE credit_bars
  ADD COLUMN acknowledged_at  DATETIME(3)  NULL,
  ADD COLUMN acknowledged_by  VARCHAR(64)  NULL;
