#!/usr/bin/env bash
# A throwaway local PostgreSQL server for the store tests (a real server from the Debian packages, not a mock).
#
#   eval "$(scripts/postgres.sh start)"   # initdb into a temporary folder, start on 127.0.0.1, print exports
#   ...tests read DOSSIER_TEST_POSTGRES...
#   scripts/postgres.sh stop              # stop the server and remove the folder (uses DOSSIER_PG_DIR)
#
# start prints only `export` lines on stdout (DOSSIER_PG_DIR, DOSSIER_PG_PORT, DOSSIER_TEST_POSTGRES); progress goes
# to stderr. Both subcommands are idempotent: start on a folder whose server runs prints the same exports again,
# stop on a stopped or missing server does nothing.
#
# Environment:
#   DOSSIER_PG_DIR   the folder (default ${TMPDIR:-/tmp}/dossier-pg-<pid>); stop needs it (or the folder as argument)
#   DOSSIER_PG_PORT  the port (default: the first free one from 55432)
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }
die() { log "$*"; exit 1; }

# The folder of the server binaries: PostgreSQL 15 if there, else the newest installed, else install the package.
bin_dir() {
    local dir
    for dir in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" ]]; then
            echo "$dir"
            return
        fi
    done

    [[ $(id -u) -eq 0 ]] || die "PostgreSQL server binaries not found; install them with: sudo apt-get install -y postgresql"
    log "PostgreSQL server binaries not found; installing the postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2 && apt-get install -y --no-install-recommends postgresql >&2
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [[ -x "$dir/initdb" ]]; then
            echo "$dir"
            return
        fi
    done
    die "postgresql installed but no initdb found under /usr/lib/postgresql"
}

# Runs a command as the server's owner: initdb and postgres refuse to run as root.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

port_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

exports() {
    local dir=$1 port=$2
    echo "export DOSSIER_PG_DIR='$dir'"
    echo "export DOSSIER_PG_PORT='$port'"
    echo "export DOSSIER_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
}

start() {
    local bin dir port locale
    bin=$(bin_dir)
    dir=${DOSSIER_PG_DIR:-${TMPDIR:-/tmp}/dossier-pg-$$}
    dir=$(realpath -m "$dir")

    if [[ -f "$dir/port" ]] && as_owner "$bin/pg_ctl" status -D "$dir/data" >/dev/null 2>&1; then
        port=$(cat "$dir/port")
        log "already running in $dir on port $port"
        exports "$dir" "$port"
        return
    fi

    if [[ -n "${DOSSIER_PG_PORT:-}" ]]; then
        port=$DOSSIER_PG_PORT
        port_free "$port" || die "port $port (DOSSIER_PG_PORT) is in use"
    else
        port=55432
        while ! port_free "$port"; do
            port=$((port + 1))
            ((port < 55532)) || die "no free port in 55432-55531; set DOSSIER_PG_PORT"
        done
    fi

    if [[ -e "$dir" && ! -f "$dir/.dossier-pg" ]] && [[ -n "$(ls -A "$dir" 2>/dev/null)" ]]; then
        die "$dir exists, is not empty and was not made by this script; set DOSSIER_PG_DIR to another folder"
    fi

    mkdir -p "$dir"
    touch "$dir/.dossier-pg"
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres: "$dir"
        runuser -u postgres -- test -w "$dir" || die "the postgres user cannot write $dir (check the parent folders' permissions or set DOSSIER_PG_DIR)"
    fi

    if [[ ! -f "$dir/data/PG_VERSION" ]]; then
        locale=C
        if locale -a 2>/dev/null | grep -qix 'c.utf-\?8'; then
            locale=C.UTF-8
        fi

        log "initdb into $dir/data (UTF8, locale $locale)"
        as_owner "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale="$locale" --auth=trust --no-sync >"$dir/initdb.log" 2>&1 \
            || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    fi

    # A test server: local only, no durability (fsync off), unix socket in the folder.
    log "starting PostgreSQL ($("$bin/postgres" --version)) on 127.0.0.1:$port"
    as_owner "$bin/pg_ctl" start -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >&2 \
        || { cat "$dir/server.log" >&2; die "pg_ctl start failed"; }
    echo "$port" >"$dir/port"

    local tries=0
    until pg_ready "$bin" "$port"; do
        tries=$((tries + 1))
        ((tries < 60)) || { cat "$dir/server.log" >&2; die "the server did not become ready on port $port"; }
        sleep 0.5
    done

    log "ready: DOSSIER_TEST_POSTGRES=Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    exports "$dir" "$port"
}

pg_ready() {
    local bin=$1 port=$2
    if [[ -x "$bin/pg_isready" ]]; then
        "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"
    else
        ! port_free "$port"
    fi
}

stop() {
    local dir=${1:-${DOSSIER_PG_DIR:-}}
    if [[ -z "$dir" ]]; then
        log "nothing to stop: DOSSIER_PG_DIR is not set (eval the output of 'start', or pass the folder: stop DIR)"
        return
    fi

    if [[ ! -d "$dir" ]]; then
        log "nothing to stop: $dir does not exist"
        return
    fi

    [[ -f "$dir/.dossier-pg" ]] || die "$dir was not made by this script; not touching it"
    if [[ -f "$dir/data/postmaster.pid" ]]; then
        local bin
        bin=$(bin_dir)
        log "stopping the server in $dir"
        as_owner "$bin/pg_ctl" stop -D "$dir/data" -m fast -w -t 60 >&2 || log "pg_ctl stop failed (already stopped?)"
    fi

    rm -rf "$dir"
    log "removed $dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:-}" ;;
    *) die "usage: $0 start | stop [DIR]" ;;
esac
