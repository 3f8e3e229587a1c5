-- A charge on a guessed duration (a call closed at the re-sync after a link outage, or joined in progress, with no
-- CDR to confirm its times) is provisional: its outbox row waits the folio's provisional wait for the CDR before
-- it is posted, and the night audit lists it. Marked when the row is written, so posting reads the outbox alone.

ALTER TABLE posting_outbox
  ADD COLUMN provisional BOOLEAN NOT NULL DEFAULT FALSE;
