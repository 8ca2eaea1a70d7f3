# Sourced by the scripts: make .venv (Python 3.11) with the generator and test
# dependencies, reinstalling only when pyproject.toml changed since last time.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PYTHON_BIN="${PYTHON:-python3.11}"
command -v "$PYTHON_BIN" >/dev/null 2>&1 || PYTHON_BIN=python3
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON_BIN" -m venv "$VENV"
fi
STAMP="$VENV/.installed-$(sha256sum "$ROOT/pyproject.toml" | cut -c1-16)"
if [ ! -f "$STAMP" ]; then
    LOG="$VENV/install.log"
    { "$VENV/bin/python" -m pip install --disable-pip-version-check --upgrade pip &&
      "$VENV/bin/python" -m pip install --disable-pip-version-check -e "$ROOT[test]"; } >"$LOG" 2>&1 ||
        { tail -n 40 "$LOG" >&2; echo "scripts: installing dependencies failed (full log: $LOG)" >&2; exit 1; }
    rm -f "$VENV"/.installed-*
    touch "$STAMP"
fi
