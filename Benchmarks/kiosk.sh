#!/usr/bin/env bash
# Kiosk figures (release build): key presses on the default path, card inserted -> person and rights on
# screen through real pcscd with the virtual card at 5 ms per exchange, start-up time, idle memory and CPU.
# Needs what scripts/setup installs (tmux, pcscd, vsmartcard-vpcd); starts pcscd itself when needed.
set -euo pipefail
# The admin PIN 1234's hash, as `authen-kiosk set-pin` writes it.
pin_hash='$y$j9T$tvtMLwLAtaG93mtI/652$8pVu/xDyAqxcfSa4WRXCGQnSJ24VXpczDLr4kPqhGE8'
cd "$(dirname "$0")/.."
swift build -c release --product authen-kiosk >/dev/null
swift build -c release --product thaiid-card-sim >/dev/null
bin=$(swift build -c release --show-bin-path)
pcscd_pid=$(scripts/pcscd-service start)
"$bin/thaiid-card-sim" --person Tests/Fixtures/cards/somchai.json --latency-ms 5 >/dev/null &
sim=$!
trap 'kill $sim 2>/dev/null; scripts/pcscd-service stop "$pcscd_pid"' EXIT
"$bin/authen-kiosk" bench kiosk --reader "Virtual PCD 00 00" --runs "${RUNS:-20}" --idle-seconds 10

# With NHSO's agent owning the reader the kiosk must ask the agent's terminal list for a card: the cost
# of that polling when idle, with nhso-testzone standing in for the agent.
swift build -c release --product nhso-testzone >/dev/null
work=$(mktemp -d)
"$bin/nhso-testzone" --port 0 >"$work/zone.log" 2>/dev/null &
zone=$!
trap 'kill $sim $zone 2>/dev/null; tmux -L bench-agent kill-server 2>/dev/null; rm -rf "$work"; scripts/pcscd-service stop "$pcscd_pid"' EXIT
for _ in $(seq 50); do grep -q listening "$work/zone.log" && break; sleep 0.1; done
url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/zone.log" | head -1)
cat >"$work/agent.yaml" <<YAML
training: true
hospital: { hcode: "10757" }
nhso: { backend: agent, zone: test, agentURL: $url, baseURL: $url }
admin: { pinHash: "$pin_hash" }
output: { slips: $work/slips, journal: $work/journal.sqlite }
YAML
chmod 600 "$work/agent.yaml"
tmux -u -L bench-agent new-session -d -x 120 -y 34 "env LANG=C.UTF-8 AUTHEN_KIOSK_ASSETS=$PWD/assets '$bin/authen-kiosk' run --config '$work/agent.yaml'"
sleep 2
kiosk=$(tmux -L bench-agent display-message -p '#{pane_pid}')
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
before=$(ticks "$kiosk"); sleep 10; after=$(ticks "$kiosk")
hz=$(getconf CLK_TCK)
rss=$(awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$kiosk/status")
awk -v t=$((after - before)) -v hz="$hz" -v rss="$rss" \
  'BEGIN { printf "idle with the agent backend (terminal list every 0.4 s): CPU %.2f s over 10 s (%.2f%%), resident memory %s MB\n", t / hz, t / hz * 10, rss }'
