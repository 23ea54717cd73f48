#!/bin/sh
# Runs "$@" in a private network namespace whose only interface is lo (up), so integration
# tests can never collide with each other or with services on the host, and SDP always shows
# 127.0.0.1. Falls back to running directly (saying so on stderr) where unshare is refused.
# Set REFERPHONE_NO_NETNS=1 to skip the namespace on purpose.
set -u
if [ "$#" -eq 0 ]; then
    echo "usage: netns-run.sh <command> [args...]" >&2
    exit 2
fi
if [ "${REFERPHONE_IN_NETNS:-}" = 1 ] || [ "${REFERPHONE_NO_NETNS:-}" = 1 ]; then
    exec "$@"
fi
if command -v unshare >/dev/null 2>&1 && unshare --net true 2>/dev/null; then
    exec unshare --net sh -c '
        if command -v ip >/dev/null 2>&1; then
            ip link set lo up || { echo "netns-run.sh: cannot bring lo up" >&2; exit 2; }
        else
            echo "netns-run.sh: ip(8) missing, cannot bring lo up" >&2; exit 2
        fi
        REFERPHONE_IN_NETNS=1 exec "$@"' netns-run "$@"
fi
echo "netns-run.sh: unshare --net not permitted here; running $1 in the host network namespace" >&2
exec "$@"
