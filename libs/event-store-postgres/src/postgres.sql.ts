/**
 * Position assignment is serialised store-wide, the commit is not (ADR 0022). es_append_group takes
 * this advisory lock as a SESSION lock, takes its transaction id, checks and inserts every append
 * of its group with positions from es_position, and releases the lock before returning: the WAL
 * flush of one group overlaps the next group's work, so PostgreSQL's own group commit happens.
 * Because transaction ids are taken under the lock, id order is position order among appenders,
 * and readers deliver only rows whose transaction is older than their snapshot's xmin (every
 * transaction below xmin has ended): a reader that sees position p sees every committed position
 * below p, so a subscriber never skips an event that commits late.
 */
export const APPEND_LOCK_KEY = 7_305_310_001;
export const NOTIFY_CHANNEL = 'crm_es_events';

/** rows whose transaction has ended for every snapshot taken from now on (see APPEND_LOCK_KEY) */
const SETTLED = 'tx_id < pg_snapshot_xmin(pg_current_snapshot())';

/**
 * Idempotent; run under an advisory lock because concurrent CREATE ... IF NOT EXISTS can race, and
 * under the append lock while the position sequence is moved up to an older store's head.
 */
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
  tx_id       xid8        NOT NULL DEFAULT pg_current_xact_id(),
  CONSTRAINT es_events_stream_revision UNIQUE (stream_id, revision)
);
CREATE INDEX IF NOT EXISTS es_events_id ON es_events (id);
CREATE SEQUENCE IF NOT EXISTS es_position;
DO $migrate$ BEGIN
  -- a store made before ADR 0022: rows get the (ended) migration's transaction id, positions continue
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()
                 AND table_name = 'es_events' AND column_name = 'tx_id') THEN
    PERFORM pg_advisory_xact_lock(${APPEND_LOCK_KEY});
    ALTER TABLE es_events ADD COLUMN tx_id xid8 NOT NULL DEFAULT pg_current_xact_id();
    PERFORM setval('es_position', max(position)) FROM es_events HAVING max(position) IS NOT NULL;
  END IF;
END $migrate$;
DROP FUNCTION IF EXISTS es_append(text, bigint, text, jsonb, timestamptz);

-- One statement per group of appends. Each element: {s: stream, r: last revision the caller
-- chained from (-1: none, null: unknown), h: its hash, ids, e: events with their hashes}.
-- An append whose stream moved, or whose ids are already stored there, is answered 'stale' with
-- the stream's head and stored ids (the caller decides: conflict, duplicate, or retry) and writes
-- nothing; the others are inserted. Appends of one group touch distinct streams (the client sees to it).
CREATE OR REPLACE FUNCTION es_append_group(p_appends jsonb, p_recorded_at timestamptz)
RETURNS TABLE (idx int, status text, is_last boolean, id text, revision bigint, "position" bigint, hash text)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
  v_a jsonb;
  v_i int := -1;
  v_rev bigint;
  v_hash text;
  v_n int;
  v_end bigint;
  v_count int;
  v_head bigint := 0;
BEGIN
  IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
    RAISE EXCEPTION 'es_append_group must be the first write of its transaction';
  END IF;
  PERFORM pg_advisory_lock(${APPEND_LOCK_KEY});
  PERFORM pg_current_xact_id();
  BEGIN
    FOR v_a IN SELECT a FROM jsonb_array_elements(p_appends) AS a LOOP
      v_i := v_i + 1;
      v_rev := NULL;
      v_hash := NULL;
      SELECT e.revision, e.hash INTO v_rev, v_hash
        FROM es_events e WHERE e.stream_id = v_a->>'s' ORDER BY e.revision DESC LIMIT 1;
      v_count := -1;
      IF jsonb_typeof(v_a->'r') = 'number' AND coalesce(v_rev, -1) = (v_a->>'r')::bigint
         AND v_hash IS NOT DISTINCT FROM v_a->>'h'
         AND NOT EXISTS (SELECT 1 FROM es_events e WHERE e.stream_id = v_a->>'s'
                         AND e.id IN (SELECT jsonb_array_elements_text(v_a->'ids'))) THEN
        v_n := jsonb_array_length(v_a->'e');
        SELECT max(nextval('es_position')) INTO v_end FROM generate_series(1, v_n);
        -- a row of another process's group, inserted but not yet committed, makes this wait, then skip
        INSERT INTO es_events (position, id, stream_id, revision, type, data, metadata, recorded_at, hash)
        SELECT v_end - v_n + x.n, x.e->>'id', v_a->>'s', coalesce(v_rev, -1) + x.n, x.e->>'type',
               x.e->'data', x.e->'metadata', p_recorded_at, x.e->>'hash'
          FROM jsonb_array_elements(v_a->'e') WITH ORDINALITY AS x(e, n)
        ON CONFLICT ON CONSTRAINT es_events_stream_revision DO NOTHING;
        GET DIAGNOSTICS v_count = ROW_COUNT;
        IF v_count < v_n THEN
          DELETE FROM es_events e WHERE e.stream_id = v_a->>'s' AND e.position BETWEEN v_end - v_n + 1 AND v_end;
        END IF;
      END IF;
      IF v_count = v_n THEN
        v_head := v_end;
        RETURN QUERY SELECT v_i, 'ok'::text, NULL::boolean, NULL::text, coalesce(v_rev, -1) + v_n, v_end, NULL::text;
      ELSE
        RETURN QUERY
          (SELECT v_i, 'stale'::text, true, e.id, e.revision, e.position, e.hash
             FROM es_events e WHERE e.stream_id = v_a->>'s' ORDER BY e.revision DESC LIMIT 1)
          UNION ALL
          SELECT v_i, 'stale'::text, false, e.id, e.revision, e.position, e.hash
            FROM es_events e WHERE e.stream_id = v_a->>'s' AND e.id IN (SELECT jsonb_array_elements_text(v_a->'ids'));
      END IF;
    END LOOP;
  EXCEPTION WHEN OTHERS OR query_canceled THEN
    -- a session lock outlives the failed statement: give it back before the error goes up
    PERFORM pg_advisory_unlock(${APPEND_LOCK_KEY});
    RAISE;
  END;
  PERFORM pg_advisory_unlock(${APPEND_LOCK_KEY});
  IF v_head > 0 THEN
    PERFORM pg_notify('${NOTIFY_CHANNEL}', v_head::text);
  END IF;
END
$fn$;
`;

export const COLUMNS = 'position, id, stream_id, revision, type, data, metadata, recorded_at, hash';

export const APPEND_GROUP_SQL = 'SELECT idx, status, is_last, id, revision, "position", hash FROM es_append_group($1::jsonb, $2)';
export const READ_FORWARDS_SQL = `SELECT ${COLUMNS} FROM es_events WHERE stream_id = $1 AND revision >= $2 ORDER BY revision LIMIT $3`;
export const READ_BACKWARDS_SQL = `SELECT ${COLUMNS} FROM es_events WHERE stream_id = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3`;
export const READ_ALL_SQL = `SELECT ${COLUMNS} FROM es_events WHERE position > $1 AND ${SETTLED} ORDER BY position LIMIT $2`;
export const STREAM_REVISION_SQL = 'SELECT max(revision) AS revision FROM es_events WHERE stream_id = $1';
export const HEAD_SQL = `SELECT coalesce(max(position), 0) AS head FROM es_events WHERE ${SETTLED}`;
