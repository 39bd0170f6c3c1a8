#!/usr/bin/env bash
# Ensure a PostgreSQL server answers on 127.0.0.1:5432 with trust auth for user postgres.
set -euo pipefail
ready() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
if ready; then echo "ci: PostgreSQL already running"
elif command -v pg_ctlcluster >/dev/null 2>&1 && ls /etc/postgresql/*/main >/dev/null 2>&1; then
  ver=$(ls /etc/postgresql | sort -n | tail -1)
  hba=/etc/postgresql/$ver/main/pg_hba.conf
  # A fresh Debian cluster asks for passwords on TCP; the tests connect as postgres without one (loopback only).
  if ! grep -qE '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "$hba"; then
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  fi
  pg_ctlcluster --skip-systemctl-redirect "$ver" main start || pg_ctlcluster --skip-systemctl-redirect "$ver" main reload || true
  for _ in $(seq 1 30); do ready && break; sleep 1; done
fi
if ! ready && ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  data=/tmp/convergent-ci-pg
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data" && chown postgres:postgres "$data"
    su postgres -c "$bin/initdb -D $data -A trust -U postgres" >/dev/null
  fi
  su postgres -c "$bin/pg_ctl -D $data -o '-c listen_addresses=127.0.0.1 -p 5432' -l $data/log -w start"
fi
for _ in $(seq 1 30); do ready && break; sleep 1; done
ready || { echo "ci: PostgreSQL did not start" >&2; exit 1; }
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='convergent_test'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE convergent_test' >/dev/null
echo "ci: PostgreSQL ready on 127.0.0.1:5432"
