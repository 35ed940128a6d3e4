#!/usr/bin/env bash
# Identity-path figures: numpad key presses per path (start screen to claim code), the QR path's time
# from the phone's authentication to the code (target under 3 s), and the camera preview's frame rate and
# CPU with ffmpeg's test pattern through the camera code (needs ffmpeg, installed by scripts/setup).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product authen-kiosk >/dev/null
export AUTHEN_KIOSK_ASSETS="${AUTHEN_KIOSK_ASSETS:-$PWD/assets}"
"$(swift build -c release --show-bin-path)/authen-kiosk" bench paths --runs "${RUNS:-10}" --preview-seconds "${SECONDS_OF_PREVIEW:-10}"
