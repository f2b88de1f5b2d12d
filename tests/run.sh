#!/usr/bin/env bash
# The README's test command: installs what the tests need when missing, then runs every test project.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium="${KK_CHROMIUM:-/usr/bin/chromium}"
postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
need_apt=()
[ -x "$chromium" ] || need_apt+=(chromium)
# The PostgreSQL tests run against a throwaway server started below (Debian's postgresql package).
[ -n "${KK_TEST_POSTGRES:-}" ] || [ -x "${KK_PG_BIN:-$(postgres_bin)}/initdb" ] || need_apt+=(postgresql)
# LightGBM's native library (ML.NET) needs the GNU OpenMP runtime.
ldconfig -p 2>/dev/null | grep -q 'libgomp.so.1' || need_apt+=(libgomp1)
# The proxy tests put a real nginx (TLS) in front of the portal; it runs from a temporary folder, never as a service.
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need_apt+=(nginx)
# Mappings read local times of named time zones (Asia/Shanghai): the system's time-zone database.
[ -e /usr/share/zoneinfo/Asia/Shanghai ] || need_apt+=(tzdata)

if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${need_apt[*]} (Debian packages) for the tests..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "Installing ${need_apt[*]} (Debian packages) for the tests..."
    sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "The tests need these Debian packages: ${need_apt[*]}." >&2
    echo "Install them as root: apt-get install ${need_apt[*]}   (or set KK_CHROMIUM to a Chromium binary)." >&2
    exit 1
  fi
fi

export KK_CHROMIUM="$chromium"
# Most of the suite's processes live for seconds (test hosts, portals started and killed, commands): dynamic PGO's
# instrumented code costs them more than it gains (measured: a third of the CPU of the demo-data tests).
export DOTNET_TieredPGO="${DOTNET_TieredPGO:-0}"
# Two cores run several test processes, portals and browsers at once: a thread-pool worker spinning for work before it
# sleeps burns CPU another process needed (measured: 7-17 % of a test process's CPU).
export DOTNET_ThreadPool_UnfairSemaphoreSpinLimit="${DOTNET_ThreadPool_UnfairSemaphoreSpinLimit:-0}"
# Fewer, blocking collections: a 64 MB youngest generation and no background GC thread competing for the two cores
# (measured together: 10 % less CPU for the same web tests; either alone was within noise).
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x4000000}" DOTNET_gcConcurrent="${DOTNET_gcConcurrent:-0}"

# A throwaway PostgreSQL cluster for the tests, unless KK_TEST_POSTGRES already names a server: a temp folder, a free
# port on 127.0.0.1, the unix socket in the folder, no durability (nothing in it outlives the run); stopped and
# deleted on exit. initdb refuses root, so as root the cluster runs as the postgres user.
if [ -z "${KK_TEST_POSTGRES:-}" ]; then
  export KK_PG_BIN="${KK_PG_BIN:-$(postgres_bin)}"
  pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/kk-postgres.XXXXXX")"
  as_owner=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$pg_dir"
    as_owner=(runuser -u postgres --)
  fi
  stop_postgres() {
    "${as_owner[@]}" "$KK_PG_BIN/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  }
  trap stop_postgres EXIT
  pg_port=""
  for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then pg_port=$candidate; break; fi
  done
  [ -n "$pg_port" ] || { echo "No free port for the test PostgreSQL." >&2; exit 1; }
  "${as_owner[@]}" "$KK_PG_BIN/initdb" -D "$pg_dir/data" -U kk --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" \
    || { cat "$pg_dir/initdb.log" >&2; exit 1; }
  "${as_owner[@]}" "$KK_PG_BIN/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -o \
    "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || { cat "$pg_dir/server.log" >&2; exit 1; }
  export KK_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=kk;Database=postgres"
  echo "Test PostgreSQL: 127.0.0.1:$pg_port ($pg_dir)"
fi

# Build first, then test without building: the test projects then start in the solution's order, one per core, as a
# core frees up. KnowledgeKaizen.sln lists the longest first (Browser, then Web beside it, then Insights and Core), so
# the long projects overlap instead of queueing behind builds and each other.
# The compiler server compiles the twenty projects in one warm process (87 s instead of 122 s for a clean build here,
# where the environment turns it off); it is shut down when the run ends.
trap 'dotnet build-server shutdown >/dev/null 2>&1 || true; if declare -F stop_postgres >/dev/null; then stop_postgres; fi' EXIT
dotnet build KnowledgeKaizen.sln -p:UseSharedCompilation=true
dotnet test KnowledgeKaizen.sln --no-build "$@"
