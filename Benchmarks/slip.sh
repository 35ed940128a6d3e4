#!/usr/bin/env bash
# Slip benchmark: time to build a claim slip's ESC/POS bytes (template, Thai drawn with Pango, 1-bit
# bands, encoding) and its size, for 58 and 80 mm paper, raster and text mode. Target: under 50 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product authen-kiosk >/dev/null
"$(swift build -c release --show-bin-path)/authen-kiosk" bench slip --runs "${RUNS:-50}"
