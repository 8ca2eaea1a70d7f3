# Sourced by the scripts: make .venv (Python 3.11) with the generator and test
# dependencies, reinstalling when pyproject.toml changed since last time or an
# installed version differs from its pin.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PYTHON_BIN="${PYTHON:-python3.11}"
"$PYTHON_BIN" -c '' >/dev/null 2>&1 || PYTHON_BIN=python3
# The generator supports 3.11 and newer (its output is the same on each: tests/integration/test_pythons.py).
"$PYTHON_BIN" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || {
    echo "scripts: needs Python 3.11 or newer; $PYTHON_BIN is $("$PYTHON_BIN" --version 2>&1) (set PYTHON=...)" >&2
    exit 1
}
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON_BIN" -m venv "$VENV"
fi
STAMP="$VENV/.installed-$(sha256sum "$ROOT/pyproject.toml" | cut -c1-16)"
# The stamp alone is not enough: a checkout can bring back a pyproject.toml whose stamp is
# still there while the venv holds other versions (an interrupted regeneration, say).
pins_installed() {
    "$VENV/bin/python" - "$ROOT/pyproject.toml" <<'PY'
import re, sys
from importlib.metadata import PackageNotFoundError, version
pins = re.findall(r'"([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==([^";]+)"', open(sys.argv[1]).read())
def installed(name):
    try:
        return version(name)
    except PackageNotFoundError:
        return None
sys.exit(0 if all(installed(name) == wanted for name, wanted in pins) else 1)
PY
}
# install_into VENV STAMP WHAT PIP-ARGS...: pip install into VENV (log in VENV/install.log; its tail and
# exit 1 on failure), then leave only STAMP as the record of what is installed.
install_into() {
    local venv="$1" stamp="$2" what="$3"
    shift 3
    local log="$venv/install.log" started=$SECONDS
    echo "scripts: installing $what into ${venv#"$ROOT"/} (first run or changed pins: a minute or two; log: ${log#"$ROOT"/})" >&2
    { "$venv/bin/python" -m pip install --disable-pip-version-check --upgrade pip &&
      "$venv/bin/python" -m pip install --disable-pip-version-check "$@"; } >"$log" 2>&1 ||
        { tail -n 40 "$log" >&2; echo "scripts: installing $what failed (full log: $log)" >&2; exit 1; }
    rm -f "$venv"/.installed-*
    touch "$stamp"
    echo "scripts: installed $what in $((SECONDS - started)) s" >&2
}
if [ ! -f "$STAMP" ] || ! pins_installed; then
    install_into "$VENV" "$STAMP" "the generator and its test dependencies" -e "$ROOT[test]"
fi
