#!/usr/bin/env bash
# Card-read benchmark: the virtual card at 5 ms per exchange, read through real pcscd + vpcd.
# Prints APDU exchanges and wall time for the text read and for the read with the photo.
# Needs what scripts/setup installs; starts pcscd itself when it is not running.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product authen-kiosk >/dev/null
swift build -c release --product thaiid-card-sim >/dev/null
bin=$(swift build -c release --show-bin-path)
started_pcscd=
if ! pgrep -x pcscd >/dev/null; then pcscd --foreground >/dev/null 2>&1 & started_pcscd=$!; sleep 1; fi
"$bin/thaiid-card-sim" --person Tests/Fixtures/cards/somchai.json --latency-ms 5 >/dev/null &
sim=$!
trap 'kill $sim 2>/dev/null; [ -n "$started_pcscd" ] && kill $started_pcscd 2>/dev/null; true' EXIT
"$bin/authen-kiosk" bench card-read --reader "Virtual PCD 00 00" --runs "${RUNS:-20}"
