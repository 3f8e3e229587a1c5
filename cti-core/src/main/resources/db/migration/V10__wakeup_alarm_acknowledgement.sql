-- An escalated wake-up call is an alarm until an operator acknowledges it (who and when are kept).

ALTER TABLE wakeup_calls ADD COLUMN alarm_acknowledged_at DATETIME(3) NULL;

ALTER TABLE wakeup_calls ADD COLUMN alarm_acknowledged_by VARCHAR(64) NULL;
