#!/usr/bin/env bash
# HTTP figure for the search page: starts the portal (Release) on a port with the demo data, waits until the
# search index has been rebuilt, signs in through the login form (cookie) and runs
#   wrk -t2 -c16 -d15s --latency
# against /Search?q=... Prints requests/s and p99 per query. Usage (repo root):
#   tests/KnowledgeKaizen.Benchmarks/Search/HttpSearchLoad.sh [port]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
PORT="${1:-5091}"
BASE="http://127.0.0.1:$PORT"
DATA="$(mktemp -d /tmp/kk-httpbench-XXXXXX)"
EMAIL="bench-admin@bench.local"
PASSWORD="Bench-Passw0rd!"
JAR="$DATA/cookies.txt"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

dotnet build "$ROOT/src/KnowledgeKaizen.Web/KnowledgeKaizen.Web.csproj" -c Release -v q -nologo >/dev/null
cd "$ROOT/src/KnowledgeKaizen.Web"
KnowledgeKaizen__DataPath="$DATA/data" KnowledgeKaizen__LoadDemoData=true KnowledgeKaizen__AdminEmail="$EMAIL" \
KK_ADMIN_PASSWORD="$PASSWORD" ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$BASE" Logging__LogLevel__Default=Warning \
  dotnet "bin/Release/net10.0/KnowledgeKaizen.Web.dll" >"$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT

for _ in $(seq 1 120); do curl -fs "$BASE/healthz" >/dev/null 2>&1 && break; sleep 1; done
TOKEN=$(curl -fs -c "$JAR" -b "$JAR" "$BASE/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -fs -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "Input.Email=$EMAIL" --data-urlencode "Input.Password=$PASSWORD" \
  --data-urlencode "__RequestVerificationToken=$TOKEN" "$BASE/Account/Login"
COOKIE=$(awk '!/^#/ && NF>=7 {printf "%s=%s; ", $6, $7} /^#HttpOnly_/ {printf "%s=%s; ", $6, $7}' "$JAR")

# Wait for the start-up rebuild (10k demo documents) to finish: the index holds the cases when this finds results.
for _ in $(seq 1 180); do
  curl -fs -H "Cookie: $COOKIE" "$BASE/Search?q=refund&type=case" | grep -q 'data-testid="search-hit"' && break; sleep 1
done
DOCS=$(curl -fs -H "Cookie: $COOKIE" "$BASE/Admin/SearchIndex" | grep -o 'data-testid="indexed-count">[^<]*' | sed 's/.*>//')
echo "index: $DOCS; cores: $(nproc)"

for Q in "refund" "price%20objection" "%E8%BD%AC%E5%8C%96%E7%8E%87" "%22discovery%20visit%22&type=procedure"; do
  OUT=$(wrk -t2 -c16 -d15s --latency -H "Cookie: $COOKIE" "$BASE/Search?q=$Q")
  RPS=$(echo "$OUT" | awk '/Requests\/sec/ {print $2}')
  P99=$(echo "$OUT" | awk '$1=="99%" {print $2}')
  NON2XX=$(echo "$OUT" | awk '/Non-2xx/ {print $NF}')
  echo "GET /Search?q=$Q  requests/s=$RPS  p99=$P99  non-2xx=${NON2XX:-0}"
done
