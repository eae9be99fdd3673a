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

echo "== layering: each layer imports only the layers below it (ARCHITECTURE.md)"
# forbidden <paths under src/> <module names they must not import>
forbidden() {
  local paths=$1 modules=$2 hits
  # Comments may name other layers; code may not.
  hits=$(cd src && grep -rnE "\bcrate::($modules)\b" $paths --include='*.rs' \
         | grep -vE '^[^:]+:[0-9]+:\s*//' || true)
  if [ -n "$hits" ]; then
    echo "layering: src/{$paths} must not import crate::{$modules}:" >&2
    echo "$hits" >&2
    exit 1
  fi
}
forbidden "model io timeline edit scene render document.rs style.rs synthetic.rs fonts.rs" "state|ui|app|cli"
forbidden "model" "io|timeline|edit|scene|render|document"
forbidden "state" "render|ui|app|cli"
forbidden "ui" "app|cli"
forbidden "cli" "app|ui"

echo "== clippy"
cargo clippy --all-targets --locked -- -D warnings

echo "== docs"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --locked --quiet

echo "== tests"
cargo test --locked
