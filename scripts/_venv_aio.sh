# Sourced by scripts/test: make .venv-aio, the async client's test environment, from
# tests/aio/requirements.txt (reinstalled when that file changes). Its own environment because
# aiobotocore pins an older botocore than the generator's.
AIO_VENV="$ROOT/.venv-aio"
AIO_REQUIREMENTS="$ROOT/tests/aio/requirements.txt"
if [ ! -x "$AIO_VENV/bin/python" ]; then
    "$PYTHON_BIN" -m venv "$AIO_VENV"
fi
AIO_STAMP="$AIO_VENV/.installed-$(sha256sum "$AIO_REQUIREMENTS" | cut -c1-16)"
if [ ! -f "$AIO_STAMP" ]; then
    AIO_LOG="$AIO_VENV/install.log"
    { "$AIO_VENV/bin/python" -m pip install --disable-pip-version-check --upgrade pip &&
      "$AIO_VENV/bin/python" -m pip install --disable-pip-version-check -r "$AIO_REQUIREMENTS"; } >"$AIO_LOG" 2>&1 ||
        { tail -n 40 "$AIO_LOG" >&2; echo "scripts: installing the async test environment failed (full log: $AIO_LOG)" >&2; exit 1; }
    rm -f "$AIO_VENV"/.installed-*
    touch "$AIO_STAMP"
fi
