#!/usr/bin/env bash
# Journal benchmark: the synced write that precedes every confirm-save (SQLite WAL, synchronous=FULL),
# median and p99, on the disk of FOLDER (default /var/tmp). Target: under 5 ms median and p99.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product authen-kiosk >/dev/null
"$(swift build -c release --show-bin-path)/authen-kiosk" bench journal --folder "${FOLDER:-/var/tmp}" --runs "${RUNS:-500}"
