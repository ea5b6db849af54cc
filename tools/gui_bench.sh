#!/usr/bin/env bash
# The GUI benchmark (not part of CI): writes showroom layouts with 100, 1,000 and 10,000 products
# (tools: the core's `showroom_grid` example), opens each in the planner window under Xvfb with
# Mesa's software Vulkan at 1600x900, and prints the planner's one-line measurement per layout:
# time to the first complete frame, orbit and drag frame times, idle CPU over 10 s, peak RSS.
#
#   tools/gui_bench.sh [BINARY] [SIZES...]      e.g. tools/gui_bench.sh target/release/room-planner 1000
#
# BINARY defaults to $CARGO_TARGET_DIR/release/room-planner (build it with `cargo build --release`).
# ROOM_PLANNER_GRAPHICS=fast|full overrides the quality tier; SHOTS=DIR keeps each first complete
# frame and one from the middle of the orbit (showroom-N.moving.png). Each layout gets its own
# recovery folder: the benchmark leaves unsaved work (the drag) that the next one would offer.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/room-planner/target}"
target="$CARGO_TARGET_DIR"
binary="${1:-$target/release/room-planner}"
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 10000)
[ -x "$binary" ] || { echo "no planner binary at $binary (cargo build --release)" >&2; exit 2; }
command -v Xvfb >/dev/null || { echo "Xvfb is needed (apt-get install xvfb)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1600x900x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1

# The layout generator is built first, in the open: its first build takes minutes, and it must
# not run while a planner is being measured.
echo "building the layout generator (the core's showroom_grid example)..."
cargo build -p room-planner-core --example showroom_grid
generator="$target/debug/examples/showroom_grid"
for count in "${sizes[@]}"; do
    "$generator" "$count" "$work/showroom-$count.ron" >/dev/null
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $(basename "$binary") $(stat -c %y "$binary" | cut -d. -f1)"
for count in "${sizes[@]}"; do
    layout="$work/showroom-$count.ron"
    shot=()
    [ -n "${SHOTS:-}" ] && mkdir -p "$SHOTS" && shot=(ROOM_PLANNER_BENCHMARK_SHOT="$SHOTS/showroom-$count.png")
    env -u DBUS_SESSION_BUS_ADDRESS DISPLAY="$display" WGPU_BACKEND=vulkan RUST_LOG=warn \
        ROOM_PLANNER_CONFIG_DIR="$work/config" ROOM_PLANNER_RECOVERY_DIR="$work/recovery-$count" \
        ROOM_PLANNER_BENCHMARK=1 "${shot[@]}" \
        timeout 900 "$binary" "$layout" 2>"$work/log-$count.txt" | grep '^benchmark:' \
        || { echo "$count products: no result"; tail -5 "$work/log-$count.txt"; }
done
