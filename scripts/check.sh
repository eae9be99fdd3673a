#!/usr/bin/env bash
# The whole check, exactly as CI runs it: formatting, lints, docs, layering, tests.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== rustfmt"
cargo fmt --all -- --check

echo "== layering: only src/ui, src/app and main.rs may use egui"
leaks=$(grep -rlE '^\s*(pub\s+)?use\s+(egui|eframe|egui_graphs|egui_plot)\b|\b(egui|eframe|egui_graphs|egui_plot)::' src \
        --include='*.rs' | grep -vE '^src/(ui|app)(/|\.rs)|^src/main\.rs$' || true)
if [ -n "$leaks" ]; then
  echo "egui used outside the UI layer: $leaks" >&2
  exit 1
fi

echo "== clippy"
cargo clippy --all-targets --locked -- -D warnings

echo "== docs"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --locked --quiet

echo "== tests"
cargo test --locked
