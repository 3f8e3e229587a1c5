-- How far capture has seen the PBX (the time of the last event it read, kept every few seconds): a daemon killed
-- before it stored any call still knows, at its next start, from when the CDR store must fill the gap.

CREATE TABLE capture_seen (
  id          TINYINT      NOT NULL PRIMARY KEY,
  seen_until  DATETIME(6)  NOT NULL
);
