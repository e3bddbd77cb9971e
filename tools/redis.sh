#!/usr/bin/env bash
# A private Redis for tests, from Debian's redis-server package, on 127.0.0.1:$REDIS_PORT (6389).
#
#   tools/redis.sh start   start it (nothing kept on disk); does nothing if it already answers
#   tools/redis.sh stop    stop it by the process id it wrote
#   tools/redis.sh url     print its URL (redis://127.0.0.1:6389)
#
# `make test` starts it when redis-server is installed and points the tests' cache at it, as CI
# does (.ci/run installs the package). Production and docker-compose run their own Redis.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PORT="${REDIS_PORT:-6389}"
VAR="$ROOT/var/redis"
PIDFILE="$VAR/redis.pid"

answers() { redis-cli -p "$PORT" ping >/dev/null 2>&1; }

case "${1:-}" in
    start)
        if ! command -v redis-server >/dev/null 2>&1; then
            echo "redis: redis-server is not installed (apt-get install redis-server)" >&2
            exit 1
        fi
        answers && exit 0
        mkdir -p "$VAR"
        redis-server --bind 127.0.0.1 --port "$PORT" --save "" --appendonly no \
            --dir "$VAR" --pidfile "$PIDFILE" --logfile "$VAR/redis.log" \
            --maxmemory 256mb --maxmemory-policy allkeys-lru --daemonize yes
        for _ in $(seq 1 50); do
            answers && { echo "redis: running on 127.0.0.1:$PORT" >&2; exit 0; }
            sleep 0.1
        done
        echo "redis: did not answer on port $PORT (see $VAR/redis.log)" >&2
        exit 1
        ;;
    stop)
        if [ -f "$PIDFILE" ]; then
            kill "$(cat "$PIDFILE")" 2>/dev/null || true
            rm -f "$PIDFILE"
        fi
        ;;
    url)
        echo "redis://127.0.0.1:$PORT"
        ;;
    *)
        echo "usage: $0 start|stop|url" >&2
        exit 2
        ;;
esac
