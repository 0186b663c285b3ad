/**
 * One writer at a time for the whole store: es_append takes this transaction-scoped advisory
 * lock before it reads the head and assigns positions. PostgreSQL makes a transaction visible
 * before it releases its locks, so the next writer only runs once every lower position is
 * visible: positions become visible in commit order and a reader can never skip one.
 */
export const APPEND_LOCK_KEY = 7_305_310_001;
export const NOTIFY_CHANNEL = 'crm_es_events';

/** Idempotent; run under an advisory lock because concurrent CREATE ... IF NOT EXISTS can race. */
export const SCHEMA_SQL = `
SELECT pg_advisory_xact_lock(${APPEND_LOCK_KEY + 1});
CREATE TABLE IF NOT EXISTS es_events (
  position    bigint      PRIMARY KEY,
  id          text        NOT NULL,
  stream_id   text        NOT NULL,
  revision    bigint      NOT NULL,
  type        text        NOT NULL,
  data        jsonb       NOT NULL,
  metadata    jsonb       NOT NULL,
  recorded_at timestamptz NOT NULL,
  hash        text        NOT NULL,
  CONSTRAINT es_events_stream_revision UNIQUE (stream_id, revision)
);
CREATE INDEX IF NOT EXISTS es_events_id ON es_events (id);

-- One statement per append: lock, check the stream has not moved since the caller read it,
-- insert the batch with gapless positions, notify subscribers in other processes at commit.
CREATE OR REPLACE FUNCTION es_append(
  p_stream text, p_prev_revision bigint, p_prev_hash text, p_events jsonb, p_recorded_at timestamptz
) RETURNS TABLE (status text, last_revision bigint, last_position bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_revision bigint;
  v_hash text;
  v_head bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(${APPEND_LOCK_KEY});
  SELECT e.revision, e.hash INTO v_revision, v_hash
    FROM es_events e WHERE e.stream_id = p_stream ORDER BY e.revision DESC LIMIT 1;
  IF coalesce(v_revision, -1) <> p_prev_revision OR v_hash IS DISTINCT FROM p_prev_hash THEN
    RETURN QUERY SELECT 'stale'::text, v_revision, NULL::bigint;
    RETURN;
  END IF;
  SELECT coalesce(max(e.position), 0) INTO v_head FROM es_events e;
  INSERT INTO es_events (position, id, stream_id, revision, type, data, metadata, recorded_at, hash)
  SELECT v_head + x.n, x.e->>'id', p_stream, p_prev_revision + x.n, x.e->>'type', x.e->'data', x.e->'metadata',
         p_recorded_at, x.e->>'hash'
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(e, n);
  v_head := v_head + jsonb_array_length(p_events);
  PERFORM pg_notify('${NOTIFY_CHANNEL}', v_head::text);
  RETURN QUERY SELECT 'ok'::text, p_prev_revision + jsonb_array_length(p_events), v_head;
END
$fn$;

-- Group commit (ADR 0029): several appends in one transaction, one WAL flush at its commit. Each
-- is es_append itself, in order, so each keeps its own check: a stale one answers 'stale' and
-- writes nothing, the others commit.
CREATE OR REPLACE FUNCTION es_append_group(p_appends jsonb)
RETURNS TABLE (ordinal bigint, status text, last_revision bigint, last_position bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_append jsonb;
  v_n bigint;
BEGIN
  FOR v_append, v_n IN SELECT x.a, x.n FROM jsonb_array_elements(p_appends) WITH ORDINALITY AS x(a, n) LOOP
    RETURN QUERY SELECT v_n, r.status, r.last_revision, r.last_position
      FROM es_append(v_append->>'stream', (v_append->>'prevRevision')::bigint, v_append->>'prevHash',
                     v_append->'events', (v_append->>'recordedAt')::timestamptz) AS r;
  END LOOP;
END
$fn$;
`;

export const COLUMNS = 'position, id, stream_id, revision, type, data, metadata, recorded_at, hash';

/** The stream's last event and the stream's events that carry one of the batch's ids, in one round trip. */
export const APPEND_STATE_SQL = `
(SELECT true AS is_last, id, revision, position, hash FROM es_events WHERE stream_id = $1 ORDER BY revision DESC LIMIT 1)
UNION ALL
SELECT false, id, revision, position, hash FROM es_events WHERE id = ANY($2::text[]) AND stream_id = $1`;

export const APPEND_SQL = 'SELECT status, last_revision, last_position FROM es_append($1, $2, $3, $4::jsonb, $5)';
export const APPEND_GROUP_SQL = 'SELECT ordinal, status, last_revision, last_position FROM es_append_group($1::jsonb) ORDER BY ordinal';
export const READ_FORWARDS_SQL = `SELECT ${COLUMNS} FROM es_events WHERE stream_id = $1 AND revision >= $2 ORDER BY revision LIMIT $3`;
export const READ_BACKWARDS_SQL = `SELECT ${COLUMNS} FROM es_events WHERE stream_id = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3`;
export const READ_ALL_SQL = `SELECT ${COLUMNS} FROM es_events WHERE position > $1 ORDER BY position LIMIT $2`;
export const STREAM_REVISION_SQL = 'SELECT max(revision) AS revision FROM es_events WHERE stream_id = $1';
export const HEAD_SQL = 'SELECT coalesce(max(position), 0) AS head FROM es_events';
