#!/usr/bin/env bash
# Kiosk figures (release build): key presses on the default path, card inserted -> person and rights on
# screen through real pcscd with the virtual card at 5 ms per exchange, start-up time, idle memory and CPU.
# Needs what scripts/setup installs (tmux, pcscd, vsmartcard-vpcd); starts pcscd itself when needed.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product authen-kiosk >/dev/null
swift build -c release --product thaiid-card-sim >/dev/null
bin=$(swift build -c release --show-bin-path)
pcscd_pid=$(scripts/pcscd-service start)
"$bin/thaiid-card-sim" --person Tests/Fixtures/cards/somchai.json --latency-ms 5 >/dev/null &
sim=$!
trap 'kill $sim 2>/dev/null; scripts/pcscd-service stop "$pcscd_pid"' EXIT
"$bin/authen-kiosk" bench kiosk --reader "Virtual PCD 00 00" --runs "${RUNS:-20}" --idle-seconds 10
