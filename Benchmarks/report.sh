#!/usr/bin/env bash
# Report benchmark: a 31-day report over VISITS coded visits (default 10,000) in a journal on FOLDER's
# disk: journal read, report build, CSV and XLSX, medians. Targets: build < 200 ms, CSV < 1 s.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product authen-kiosk >/dev/null
"$(swift build -c release --show-bin-path)/authen-kiosk" bench report --folder "${FOLDER:-/var/tmp}" --visits "${VISITS:-10000}"
