#!/usr/bin/env bash
# Boot benchmark: from starting `authen-kiosk run` (what the kiosk unit's ExecStart does once cage and foot
# are up) to its first screen drawn and READY=1 sent, measured on a notify socket as systemd would get it,
# against the test-zone simulator on loopback with the agent backend. Cage's and foot's own start, and the
# machine's boot before them, are not in the figure (they need a real seat). Release build unless
# BUILD=debug; RUNS=10.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-release}
swift build -c "$build" --product authen-kiosk >/dev/null
swift build -c "$build" --product nhso-testzone >/dev/null
bin=$(swift build -c "$build" --show-bin-path)
work=$(mktemp -d)
"$bin/nhso-testzone" --port 0 >"$work/zone.log" 2>&1 &
zone=$!
trap 'kill $zone 2>/dev/null; tmux -L bench-boot kill-server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do grep -q listening "$work/zone.log" && break; sleep 0.1; done
url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/zone.log" | head -1)
pin_hash='$y$j9T$16BnBZl60.PO4wkmp7NW$Ta/zBpwUvnHAaaiPFEyKvIKNlElnHOn/XBWITkO.g8C'
cat >"$work/kiosk.yaml" <<YAML
training: true
hospital: { hcode: "10757" }
nhso: { backend: agent, zone: test, agentURL: $url, baseURL: $url }
admin: { pinHash: "$pin_hash" }
output: { slips: $work/slips, journal: $work/journal.sqlite, log: $work/kiosk.log }
YAML
chmod 600 "$work/kiosk.yaml"

python3 - "$bin/authen-kiosk" "$work" "${RUNS:-10}" "$build" <<'PY'
import os, socket, statistics, subprocess, sys, time
binary, work, runs, build = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
figures = []
for run in range(runs):
    path = os.path.join(work, f"notify-{run}")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    listener.bind(path)
    listener.settimeout(20)
    command = f"env LANG=C.UTF-8 AUTHEN_KIOSK_ASSETS={os.getcwd()}/assets NOTIFY_SOCKET={path} {binary} run --config {work}/kiosk.yaml"
    started = time.monotonic()
    subprocess.run(["tmux", "-u", "-L", "bench-boot", "new-session", "-d", "-x", "100", "-y", "30", command], check=True)
    while True:
        message = listener.recv(4096).decode()
        if message.startswith("READY=1"):
            figures.append((time.monotonic() - started) * 1000)
            break
    subprocess.run(["tmux", "-L", "bench-boot", "kill-server"])
    listener.close()
    time.sleep(0.5)
figures.sort()
print(f"start → first screen and READY=1 ({runs} runs, {build} build, agent backend on loopback):")
print(f"  median {statistics.median(figures):.0f} ms, fastest {figures[0]:.0f} ms, slowest {figures[-1]:.0f} ms")
PY
