#!/usr/bin/env bash
# Measures the app's CPU use while idle under Xvfb (needs xvfb): CPU ticks over 10 wall seconds.
# Usage: scripts/idle-cpu.sh [BINARY]   (after `cargo build --release`)
set -eu
exe=${1:-target/release/minilateral}
rt=$(mktemp -d); chmod 700 "$rt"
disp=":$(( 500 + RANDOM % 400 ))"
Xvfb "$disp" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
sleep 1
DISPLAY=$disp XDG_RUNTIME_DIR=$rt "$exe" >/dev/null 2>&1 & app=$!
sleep 8
ticks() { awk '{print $14+$15}' /proc/$app/stat; }
a=$(ticks); sleep 10; b=$(ticks)
echo "idle CPU: $(( (b-a) )) ticks in 10 s (100 ticks = 1 CPU second) => $(( (b-a) ))% of one core"
kill $app $xvfb 2>/dev/null || true; rm -rf "$rt"
