#!/usr/bin/env bash
# Dossier's test command (the README's, and what .ci/run calls).
#
# It provides what the tests need, runs every test of Services.sln, and cleans up after itself:
#   - Chromium (Debian's package) for the browser tests, installed with apt when missing;
#   - a real PostgreSQL 15 server for the knowledge store suite: initdb into a temporary folder, started on a
#     local port, stopped and removed at the end (scripts/postgres.sh); the server packages are installed when missing.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter FullyQualifiedName~Store).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1; then
    echo "test.sh: installing chromium (browser tests)" >&2
    sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >&2
fi

eval "$(scripts/postgres.sh start)"
trap 'scripts/postgres.sh stop' EXIT

# The PostgreSQL suite must run here, not be skipped.
export DOSSIER_REQUIRE_POSTGRES=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# A test that hangs (a call with no answer) fails the run after 15 minutes instead of holding CI until its timeout.
dotnet test Services.sln --blame-hang-timeout 15m --blame-hang-dump-type none "$@"
