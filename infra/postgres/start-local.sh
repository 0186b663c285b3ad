#!/usr/bin/env bash
# Starts this machine's own PostgreSQL (the server the tests use at postgres://postgres@127.0.0.1:5432)
# when it is down, then waits until it accepts connections. Safe to run when it is already up.
# Debian/Ubuntu layout: clusters under /etc/postgresql/<version>/<name>, managed by pg_ctlcluster.
set -euo pipefail

HOST=${PGHOST:-127.0.0.1}
PORT=${PGPORT:-5432}
WAIT_SECONDS=${WAIT_SECONDS:-30}

if ! command -v pg_isready >/dev/null 2>&1; then
  echo "pg_isready not found: install PostgreSQL (apt-get install postgresql) first" >&2
  exit 1
fi

if pg_isready -q -h "$HOST" -p "$PORT"; then
  echo "PostgreSQL already accepting connections on $HOST:$PORT"
  exit 0
fi

versions=$(ls /etc/postgresql 2>/dev/null || true)
if [ -z "$versions" ]; then
  echo "no cluster under /etc/postgresql: is the postgresql package installed?" >&2
  exit 1
fi
if [ "$(echo "$versions" | wc -l)" -ne 1 ]; then
  echo "several PostgreSQL versions installed ($versions); start one with pg_ctlcluster <version> main start" >&2
  exit 1
fi

# --skip-systemctl-redirect: containers and CI machines have no systemd to redirect to
echo "starting PostgreSQL $versions/main"
pg_ctlcluster --skip-systemctl-redirect "$versions" main start

for _ in $(seq "$WAIT_SECONDS"); do
  if pg_isready -q -h "$HOST" -p "$PORT"; then
    echo "PostgreSQL $versions accepting connections on $HOST:$PORT"
    exit 0
  fi
  sleep 1
done
echo "PostgreSQL did not accept connections on $HOST:$PORT within ${WAIT_SECONDS}s; see /var/log/postgresql/" >&2
exit 1
