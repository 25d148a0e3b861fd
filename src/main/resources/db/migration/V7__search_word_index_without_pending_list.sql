-- newsroom schema v7: the did-you-mean vocabulary's trigram index keeps no pending list.
--
-- With GIN's fastupdate, new words wait in an unsorted pending list that every lookup scans in full until VACUUM
-- merges it. The vocabulary job adds thousands of words at a time, and a lookup over a full pending list took
-- ~100 ms (a planner that also misjudged it chose a sequential scan) instead of ~0.1 ms. Words are written by one
-- background job, never by a request, so writing them straight into the index costs nobody.
ALTER INDEX search_word_trgm_idx SET (fastupdate = off);
SELECT gin_clean_pending_list('search_word_trgm_idx');
