#!/usr/bin/env bash
# The crash drill: a patient's visit, the kiosk killed with `kill -9` at each step, the kiosk started
# again; then what recovery found, how many codes NHSO holds for the patient, and how many the patient
# was shown. Then the same patient comes back and confirms again: NHSO must still hold one code, and
# it is the one they are shown. Target: no code lost (NHSO holds one that, after recovery, neither the
# journal has nor the patient saw), no duplicate (two at NHSO, or two codes shown).
# The kiosk runs `run --config` on nhso-testzone as NHSO's agent (the simulator outlives the kiosk, as
# NHSO does). Exits 1 when a row misses the target. Needs tmux and python3; uses the debug build unless
# BUILD=release.
set -euo pipefail
# The admin PIN 1234's hash, as `authen-kiosk set-pin` writes it.
pin_hash='$y$j9T$tvtMLwLAtaG93mtI/652$8pVu/xDyAqxcfSa4WRXCGQnSJ24VXpczDLr4kPqhGE8'
cd "$(dirname "$0")/.."
build=${BUILD:-debug}
command -v python3 >/dev/null || apt-get install -y -qq python3 >/dev/null
swift build -c "$build" --product authen-kiosk >/dev/null 2>&1
swift build -c "$build" --product nhso-testzone >/dev/null 2>&1
bin=$(swift build -c "$build" --show-bin-path)
work=$(mktemp -d)
socket=crash-drill-$$
pid=1101700203450
zone_pid=

cleanup() {
  for n in $(seq 0 "${starts:-0}"); do tmux -L "crash-drill-$$-$n" kill-server 2>/dev/null || true; done
  pkill -9 -f "authen-kiosk run --config $work/kiosk.yaml" 2>/dev/null || true
  [ -n "$zone_pid" ] && { kill -9 "$zone_pid"; wait "$zone_pid"; } 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

http() {  # METHOD PATH [JSON]: the test zone's control paths
  python3 - "$1" "$url$2" "${3:-}" <<'PY'
import sys, urllib.request
method, url, body = sys.argv[1], sys.argv[2], sys.argv[3]
request = urllib.request.Request(url, data=body.encode() if body else None, method=method,
                                 headers={"Content-Type": "application/json"})
print(urllib.request.urlopen(request, timeout=5).read().decode())
PY
}

most_sends_of_a_visit() {  # the most confirm-saves NHSO received for any one visit (correlationId)
  http GET /testzone/confirm-requests | python3 -c 'import json, sys; print(max(json.load(sys.stdin).values(), default=0))'
}

codes_at_nhso() {  # confirmed codes NHSO holds for the patient
  http GET /testzone/claims | python3 -c '
import json, sys
print(" ".join(c["claimCode"] for c in json.load(sys.stdin) if c["pid"] == sys.argv[1] and c["status"] == "confirmed"))' "$pid"
}

start_zone() {
  # SIGKILL: a hung request would hold a graceful shutdown for minutes.
  [ -n "$zone_pid" ] && kill -9 "$zone_pid" 2>/dev/null && wait "$zone_pid" 2>/dev/null || true
  "$bin/nhso-testzone" --port 0 >"$work/zone.log" 2>&1 &
  zone_pid=$!
  for _ in $(seq 100); do grep -q listening "$work/zone.log" && break; sleep 0.1; done
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/zone.log" | head -1)
  rm -f "$work"/journal.sqlite*
  cat >"$work/kiosk.yaml" <<YAML
training: true
hospital: { hcode: "10757" }
nhso: { backend: agent, zone: test, agentURL: $url, timeoutSeconds: 3 }
admin: { pinHash: "$pin_hash" }
output: { slips: $work/slips, journal: $work/journal.sqlite, log: $work/kiosk.log }
YAML
  chmod 600 "$work/kiosk.yaml"
}

starts=0
start_kiosk() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  # A tmux server of its own each time: a new session racing the old server's exit fails.
  starts=$((starts + 1))
  socket=crash-drill-$$-$starts
  tmux -u -L "$socket" new-session -d -s k -x 100 -y 30 \
    "env LANG=C.UTF-8 AUTHEN_KIOSK_ASSETS=$PWD/assets $bin/authen-kiosk run --config $work/kiosk.yaml; sleep 600"
  wait_for "กรุณาเสียบบัตรประชาชน"
}

screen() { tmux -u -L "$socket" capture-pane -p -t k 2>/dev/null || true; }

shown=""
wait_for() {  # TEXT: until the screen shows it (20 s); every code seen on the way is remembered
  for _ in $(seq 200); do
    local now; now=$(screen)
    shown="$shown $( (grep -o 'PP[0-9]\{10\}' <<<"$now" || true) | tr '\n' ' ')"
    grep -qF "$1" <<<"$now" && return 0
    sleep 0.1
  done
  echo "crash-drill: '$1' never appeared; screen:" >&2; screen >&2; return 1
}

kill_kiosk() {
  pkill -9 -f "authen-kiosk run --config $work/kiosk.yaml"
  sleep 0.3
}

journal_state() {  # the latest visit's state, reason and code, as `authen-kiosk journal` lists them
  "$bin/authen-kiosk" journal --file "$work/journal.sqlite" --limit 1 | awk '{print $4, $5, $6}'
}

printf '%-42s | %-34s | %-13s | %-11s | %-11s | %s\n' "killed" "recovery found (state reason code)" "codes at NHSO" "codes shown" "sends/visit" "verdict"
failures=0
lost=""
settle_check() {  # after the restart: a code NHSO holds must be in the journal or have been shown
  local at_nhso; at_nhso=$(codes_at_nhso)
  lost=""
  for code in $at_nhso; do
    grep -q "$code" <<<"$1 $shown" || lost="$lost $code"
  done
}
row() {  # STEP RECOVERED: after the patient came back
  local at_nhso; at_nhso=$(codes_at_nhso)
  local n_nhso; n_nhso=$(wc -w <<<"$at_nhso" | tr -d ' ')
  local distinct_shown; distinct_shown=$( (tr ' ' '\n' <<<"$shown" | grep PP || true) | sort -u | wc -l | tr -d ' ')
  local sends; sends=$(most_sends_of_a_visit)
  local verdict="ok"
  [ -n "$lost" ] && verdict="LOST$lost"
  # A visit sent twice is a duplicate waiting to happen, even where NHSO refused the second.
  [ "$sends" -gt 1 ] && verdict="SENT TWICE"
  [ "$n_nhso" -gt 1 ] && verdict="DUPLICATE ($at_nhso)"
  [ "$distinct_shown" -gt 1 ] && verdict="TWO CODES SHOWN"
  [ "$verdict" = ok ] || failures=$((failures + 1))
  printf '%-42s | %-34s | %-13s | %-11s | %-11s | %s\n' "$1" "$2" "$n_nhso" "$distinct_shown" "$sends" "$verdict"
}

visit_to_review() {
  http POST /testzone/agent-card "{\"pid\":\"$pid\"}" >/dev/null
  wait_for "(UCS) สิทธิหลักประกันสุขภาพแห่งชาติ"
}

confirm() { tmux -L "$socket" send-keys -t k Enter; }

comes_back() {  # the same patient after the restart: whatever NHSO holds is what they are shown
  visit_to_review
  confirm
  wait_for "กรุณานำบัตรประชาชนออก"
  http POST /testzone/agent-card '{}' >/dev/null
}

new_drill() { start_zone; start_kiosk; shown=""; }

crash_and_restart() {  # STEP: kill the kiosk, clear faults and the reader, restart; then the table row
  kill_kiosk
  http POST /testzone/faults '{}' >/dev/null
  http POST /testzone/agent-card '{}' >/dev/null
  start_kiosk
  local recovered; recovered=$(journal_state)
  settle_check "$recovered"
  comes_back
  row "$1" "$recovered"
}

# 1. Before submit: the review is on screen.
new_drill
visit_to_review
crash_and_restart "before submit (review on screen)"

# 2. After submit, before the answer: NHSO records the visit, its answer never comes.
new_drill
http POST /testzone/faults '{"dropAfterCommit":true}' >/dev/null
visit_to_review
confirm
wait_for "กำลังบันทึกการเข้ารับบริการ"
for _ in $(seq 50); do [ -n "$(codes_at_nhso)" ] && break; sleep 0.1; done
crash_and_restart "after submit, NHSO recorded, answer lost"

# 3. After submit, before the answer: NHSO never got it (it hangs before recording).
new_drill
visit_to_review
http POST /testzone/faults '{"hang":true}' >/dev/null
confirm
wait_for "กำลังบันทึกการเข้ารับบริการ"
sleep 0.5
crash_and_restart "after submit, NHSO never recorded it"

# 4. After the answer, before printing: the code is on screen.
new_drill
visit_to_review
confirm
wait_for "รหัสยืนยันการเข้ารับบริการ"
crash_and_restart "after the answer, before printing"

if [ "$failures" -gt 0 ]; then
  echo "crash-drill: $failures row(s) lost or duplicated a code" >&2
  exit 1
fi
echo "crash-drill: 0 lost, 0 duplicates"
