-- Webhooks. The change log (article_change, written by triggers in the same transaction as every change) is the
-- outbox: one instance at a time reads it after webhook_state's position, commit-safely like GET /changes, turns each
-- article's latest change into an event by comparing what partners were last told (webhook_article), and queues a
-- delivery for every endpoint that wants it. Deliveries are claimed with FOR UPDATE SKIP LOCKED and a lease, so
-- several instances deliver each one once between them.
CREATE TABLE webhook (
    id              uuid PRIMARY KEY,
    url             varchar(2000) NOT NULL,
    description     varchar(200),
    events          text[]        NOT NULL,
    tags            text[]        NOT NULL DEFAULT '{}',
    sections        text[]        NOT NULL DEFAULT '{}',
    payload         varchar(8)    NOT NULL CHECK (payload IN ('summary', 'full')),
    secret          varchar(100)  NOT NULL,
    -- the key that registered it; a revoked key's endpoints stop receiving (admins' keep theirs: owner_role)
    owner_key_id    uuid REFERENCES api_key (id) ON DELETE SET NULL,
    owner_role      varchar(16)   NOT NULL CHECK (owner_role IN ('partner', 'admin')),
    created_at      timestamptz   NOT NULL DEFAULT now(),
    failing_since   timestamptz,
    disabled_at     timestamptz,
    disabled_reason varchar(500)
);
CREATE INDEX webhook_owner_idx ON webhook (owner_key_id);

-- How far the change log has been turned into events.
CREATE TABLE webhook_state (
    id   smallint PRIMARY KEY CHECK (id = 1),
    txid xid8   NOT NULL,
    seq  bigint NOT NULL
);
INSERT INTO webhook_state (id, txid, seq)
SELECT 1, coalesce(max(txid), '0'), coalesce((SELECT seq FROM article_change ORDER BY txid DESC, seq DESC LIMIT 1), 0)
  FROM article_change;

-- What partners were last told about each article: public or not, and its tags and section then (the filters of an
-- unpublish or a delete match what the article was).
CREATE TABLE webhook_article (
    article_id uuid PRIMARY KEY,
    tags       text[] NOT NULL DEFAULT '{}',
    section    varchar(200)
);
INSERT INTO webhook_article (article_id, tags, section)
SELECT a.id, coalesce((SELECT array_agg(t.slug) FROM article_tag x JOIN tag t ON t.id = x.tag_id
                        WHERE x.article_id = a.id), '{}'), a.section
  FROM article a
 WHERE a.status = 'published' AND a.published_at <= now();

CREATE TABLE webhook_event (
    id         uuid PRIMARY KEY,
    type       varchar(32)  NOT NULL,
    article_id uuid         NOT NULL,
    slug       varchar(120) NOT NULL,
    cursor     varchar(100) NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE webhook_delivery (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    webhook_id      uuid        NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    event_id        uuid        NOT NULL REFERENCES webhook_event (id) ON DELETE CASCADE,
    body            text        NOT NULL,
    state           varchar(10) NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    lease_until     timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz
);
-- each endpoint receives its deliveries one at a time, in order: the oldest pending one is the only candidate
CREATE INDEX webhook_delivery_pending_idx ON webhook_delivery (webhook_id, id) WHERE state = 'pending';
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_delivery_list_idx ON webhook_delivery (webhook_id, id DESC);
CREATE INDEX webhook_delivery_event_idx ON webhook_delivery (event_id);

CREATE TABLE webhook_attempt (
    delivery_id bigint       NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt     int          NOT NULL,
    at          timestamptz  NOT NULL,
    status      int,
    latency_ms  int          NOT NULL,
    error       varchar(500),
    PRIMARY KEY (delivery_id, attempt)
);
