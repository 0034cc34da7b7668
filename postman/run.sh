#!/usr/bin/env bash
# Runs the Postman collection with newman against a throwaway embedded gateway:
# a temp directory (so its SQLite file and bank simulator are fresh), a merchant made
# there with the CLI, `paygate serve` on a free port, then newman. Exits with newman's
# status and always stops the gateway. Extra arguments go to newman
# (e.g. `bash postman/run.sh --reporters cli,junit`).
# Needs node/npm and the project environment (`make setup`).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"

if [[ -x "$repo/.venv/bin/paygate" ]]; then
  paygate=("$repo/.venv/bin/paygate")
else
  paygate=(uv run --frozen --project "$repo" paygate)
fi

if [[ ! -x "$here/node_modules/.bin/newman" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi

workdir="$(mktemp -d -t paygate-postman.XXXXXX)"
server_pid=""

stop_server() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    # The embedded bank simulator runs in a session of its own: note it before it is orphaned.
    local children
    children="$(pgrep -P "$server_pid" || true)"
    # The server runs in its own process group: stop it with its workers. It finishes
    # in-flight bank calls first (up to the bank timeout + 5 s), then stops its simulator.
    kill -TERM -- "-$server_pid" 2>/dev/null || true
    for _ in $(seq 150); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$server_pid" 2>/dev/null || true
    for child in $children; do kill -TERM "$child" 2>/dev/null || true; done
  fi
  rm -rf "$workdir"
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cd "$workdir"
# The embedded configuration only: whatever the caller's shell points at is not ours to fill.
unset PAYGATE_DATABASE_URL PAYGATE_REDIS_URL PAYGATE_BANK_URL

email="postman-$(date +%s)-$$@example.com"
merchant_json="$("${paygate[@]}" merchants create --email "$email" --json)"
# The JSON object is the last line: anything logged before it is not ours to parse.
api_key="$(node -e '
  const line = process.argv[1].trim().split("\n").pop();
  console.log(JSON.parse(line).api_key);' "$merchant_json")"

port="$(node -e '
  const server = require("net").createServer().listen(0, "127.0.0.1", () => {
    console.log(server.address().port);
    server.close();
  });')"
base_url="http://127.0.0.1:$port"

setsid "${paygate[@]}" serve --host 127.0.0.1 --port "$port" >"$workdir/server.log" 2>&1 &
server_pid=$!

healthy=""
for _ in $(seq 300); do
  if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
  if curl -fsS -o /dev/null "$base_url/health" 2>/dev/null; then healthy=yes; break; fi
  sleep 0.3
done
if [[ -z "$healthy" ]]; then
  echo "paygate did not become healthy on $base_url; its log:" >&2
  cat "$workdir/server.log" >&2
  exit 1
fi

status=0
(cd "$here" && npx --no-install newman run paygate.postman_collection.json \
  --environment paygate.postman_environment.json \
  --env-var "base_url=$base_url" --env-var "email=$email" --env-var "api_key=$api_key" \
  --color off "$@") || status=$?
if [[ $status -ne 0 ]]; then
  echo "--- last lines of the gateway's log ---" >&2
  tail -n 40 "$workdir/server.log" >&2
fi
exit "$status"
