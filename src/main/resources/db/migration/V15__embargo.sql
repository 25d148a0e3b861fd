-- Embargoes: an embargoed article is published for partners before the public. Until embargoed_until the public sees
-- nothing of it (its public time, published_at, is the embargo's end), while partners receive it marked with the
-- time: in GET /changes, their webhooks, GET /articles/{id} and feeds read with their key.
ALTER TABLE article ADD COLUMN embargoed_until timestamptz;
