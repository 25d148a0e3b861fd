-- Counts the purges that removed deletions: a cursor remembers the count it was issued under, so a sync that
-- started after a purge is never sent back to the beginning because of it.
ALTER TABLE change_log_state ADD COLUMN purge_generation bigint NOT NULL DEFAULT 0;
