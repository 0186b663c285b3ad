/**
 * Position assignment (ADR 0036). A group's positions and its transaction id are taken together,
 * under this session-level advisory lock, and the lock is released at once, before the insert and
 * the commit: appends no longer commit one after another, so PostgreSQL can share their WAL
 * flushes. Inside the lock the transaction id is assigned (it must be the transaction's first
 * write), so transaction ids and positions grow in the same order. A reader then only has to stop
 * below the oldest append still in flight, which it finds through APPEND_IN_FLIGHT_KEY.
 */
export const APPEND_LOCK_KEY = 7_305_310_001;
/** held shared, to the end of its transaction, by every append from its position assignment on */
export const APPEND_IN_FLIGHT_KEY = APPEND_LOCK_KEY + 2;
export const NOTIFY_CHANNEL = 'crm_es_events';

/** pg_locks shows a bigint advisory key as two 32-bit halves */
const inFlightClassId = Math.floor(APPEND_IN_FLIGHT_KEY / 2 ** 32);
const inFlightObjId = APPEND_IN_FLIGHT_KEY % 2 ** 32;

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
  tx          xid8        NOT NULL,
  CONSTRAINT es_events_stream_revision UNIQUE (stream_id, revision)
);
-- An event id is stored once per stream (the idempotency rules never store it twice): the index
-- refuses a batch that repeats stored ids, so an append after a head this process already knows
-- needs no ids check of its own; the adapter then reads the stream and decides as usual.
CREATE UNIQUE INDEX IF NOT EXISTS es_events_stream_event_id ON es_events (stream_id, id);
DROP INDEX IF EXISTS es_events_id;
CREATE SEQUENCE IF NOT EXISTS es_position_seq;

-- A store written before ADR 0036: its events committed long ago (transaction id 0), and the
-- sequence starts after its last position.
DO $migrate$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                  WHERE table_schema = current_schema() AND table_name = 'es_events' AND column_name = 'tx') THEN
    ALTER TABLE es_events ADD COLUMN tx xid8 NOT NULL DEFAULT '0';
    ALTER TABLE es_events ALTER COLUMN tx DROP DEFAULT;
  END IF;
  PERFORM setval('es_position_seq', h.head)
     FROM (SELECT max(position) AS head FROM es_events) h, es_position_seq s
    WHERE h.head > (CASE WHEN s.is_called THEN s.last_value ELSE 0 END);
END
$migrate$;

-- Several appends in one transaction and one WAL flush (ADR 0029). Each keeps its own check of
-- the stream's head and hash: a stale one answers 'stale' with the stream's last revision and
-- writes nothing, the others commit.
CREATE OR REPLACE FUNCTION es_append_group(p_appends jsonb)
RETURNS TABLE (ordinal bigint, status text, last_revision bigint, last_position bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_count int := jsonb_array_length(p_appends);
  v_ok boolean[] := '{}';
  v_heads bigint[] := '{}';
  v_claimed text[] := '{}';
  v_total bigint := 0;
  v_append jsonb;
  v_revision bigint;
  v_hash text;
  v_tx xid8;
  v_next bigint;
  v_n bigint;
BEGIN
  FOR i IN 0 .. v_count - 1 LOOP
    v_append := p_appends -> i;
    SELECT e.revision, e.hash INTO v_revision, v_hash
      FROM es_events e WHERE e.stream_id = v_append->>'stream' ORDER BY e.revision DESC LIMIT 1;
    v_heads := array_append(v_heads, v_revision);
    -- a second append to a stream within one group was decided on the head before the first
    IF coalesce(v_revision, -1) = (v_append->>'prevRevision')::bigint
       AND v_hash IS NOT DISTINCT FROM v_append->>'prevHash'
       AND NOT ((v_append->>'stream') = ANY (v_claimed)) THEN
      v_ok := array_append(v_ok, true);
      v_claimed := array_append(v_claimed, v_append->>'stream');
      v_total := v_total + jsonb_array_length(v_append->'events');
    ELSE
      v_ok := array_append(v_ok, false);
    END IF;
  END LOOP;

  IF v_total > 0 THEN
    IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
      RAISE EXCEPTION 'es_append_group must be the first write of its transaction (ADR 0036)';
    END IF;
    -- nothing here can fail but a cancellation or the sequence's end; the adapter then releases the
    -- session lock itself (pg_advisory_unlock_all), which costs less than a subtransaction per append
    PERFORM pg_advisory_lock(${APPEND_LOCK_KEY});
    PERFORM pg_advisory_xact_lock_shared(${APPEND_IN_FLIGHT_KEY});
    v_tx := pg_current_xact_id();
    v_next := nextval('es_position_seq');
    IF v_total > 1 THEN PERFORM setval('es_position_seq', v_next + v_total - 1); END IF;
    PERFORM pg_advisory_unlock(${APPEND_LOCK_KEY});
  END IF;

  FOR i IN 0 .. v_count - 1 LOOP
    v_append := p_appends -> i;
    IF v_ok[i + 1] THEN
      v_n := jsonb_array_length(v_append->'events');
      INSERT INTO es_events (position, id, stream_id, revision, type, data, metadata, recorded_at, hash, tx)
      SELECT v_next + x.n - 1, x.e->>'id', v_append->>'stream', (v_append->>'prevRevision')::bigint + x.n,
             x.e->>'type', x.e->'data', x.e->'metadata', (v_append->>'recordedAt')::timestamptz, x.e->>'hash', v_tx
        FROM jsonb_array_elements(v_append->'events') WITH ORDINALITY AS x(e, n);
      v_next := v_next + v_n;
      RETURN QUERY SELECT (i + 1)::bigint, 'ok'::text, (v_append->>'prevRevision')::bigint + v_n, v_next - 1;
    ELSE
      RETURN QUERY SELECT (i + 1)::bigint, 'stale'::text, v_heads[i + 1], NULL::bigint;
    END IF;
  END LOOP;
  IF v_total > 0 THEN PERFORM pg_notify('${NOTIFY_CHANNEL}', (v_next - 1)::text); END IF;
END
$fn$;

-- One append alone: a group of one.
CREATE OR REPLACE FUNCTION es_append(
  p_stream text, p_prev_revision bigint, p_prev_hash text, p_events jsonb, p_recorded_at timestamptz
) RETURNS TABLE (status text, last_revision bigint, last_position bigint)
LANGUAGE sql AS $fn$
  SELECT g.status, g.last_revision, g.last_position
    FROM es_append_group(jsonb_build_array(jsonb_build_object(
      'stream', p_stream, 'prevRevision', p_prev_revision, 'prevHash', p_prev_hash,
      'events', p_events, 'recordedAt', p_recorded_at))) AS g
$fn$;
`;

/**
 * The oldest append still in flight, seen from this statement's snapshot: the lowest in-progress
 * transaction id not proven to be something else. Proof comes from one reading of the lock table:
 * the transaction holds its own id's lock there (it is still running) and does not hold the
 * in-flight lock in this database. An append takes that lock before it has a transaction id, so
 * a running transaction that has an id and not the lock never becomes an append. A transaction
 * that ended since the snapshot was taken counts as in flight: the next read no longer sees it.
 */
const OLDEST_APPEND_IN_FLIGHT = `(
  WITH locks AS MATERIALIZED (
    SELECT locktype, transactionid, virtualtransaction, database, classid, objid, objsubid FROM pg_locks WHERE granted)
  SELECT min(x) FROM pg_snapshot_xip(pg_current_snapshot()) AS x
   WHERE NOT EXISTS (
     SELECT 1 FROM locks t
      WHERE t.locktype = 'transactionid' AND t.transactionid = x::xid
        AND NOT EXISTS (SELECT 1 FROM locks a
                         WHERE a.virtualtransaction = t.virtualtransaction AND a.locktype = 'advisory'
                           AND a.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                           AND a.classid = ${inFlightClassId} AND a.objid = ${inFlightObjId} AND a.objsubid = 1)))`;

export const COLUMNS = 'position, id, stream_id, revision, type, data, metadata, recorded_at, hash';

/** The stream's last event and the stream's events that carry one of the batch's ids, in one round trip. */
export const APPEND_STATE_SQL = `
(SELECT true AS is_last, id, revision, position, hash FROM es_events WHERE stream_id = $1 ORDER BY revision DESC LIMIT 1)
UNION ALL
SELECT false, id, revision, position, hash FROM es_events WHERE id = ANY($2::text[]) AND stream_id = $1`;

export const APPEND_GROUP_SQL = 'SELECT ordinal, status, last_revision, last_position FROM es_append_group($1::jsonb) ORDER BY ordinal';
export const READ_FORWARDS_SQL = `SELECT ${COLUMNS} FROM es_events WHERE stream_id = $1 AND revision >= $2 ORDER BY revision LIMIT $3`;
export const READ_BACKWARDS_SQL = `SELECT ${COLUMNS} FROM es_events WHERE stream_id = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3`;
/**
 * `held` marks an event a reader must not pass yet: committed, but after an append still in flight
 * took its (lower) positions. Only events newer than the snapshot's xmin can be held, so the
 * subquery runs only when such an event is read.
 */
export const READ_ALL_SQL = `SELECT ${COLUMNS},
  coalesce(tx >= pg_snapshot_xmin(pg_current_snapshot()) AND tx >= ${OLDEST_APPEND_IN_FLIGHT}, false) AS held
  FROM es_events WHERE position > $1 ORDER BY position LIMIT $2`;
export const STREAM_REVISION_SQL = 'SELECT max(revision) AS revision FROM es_events WHERE stream_id = $1';
export const HEAD_SQL = 'SELECT coalesce(max(position), 0) AS head FROM es_events';
