# Sourced after _venv.sh (whose install_into it uses) by scripts/test and scripts/bench: make
# .venv-aio, the async client's test environment, from tests/aio/requirements.txt (reinstalled when
# that file changes). Its own environment because aiobotocore pins an older botocore than ours.
AIO_VENV="$ROOT/.venv-aio"
AIO_REQUIREMENTS="$ROOT/tests/aio/requirements.txt"
if [ ! -x "$AIO_VENV/bin/python" ]; then
    "$PYTHON_BIN" -m venv "$AIO_VENV"
fi
AIO_STAMP="$AIO_VENV/.installed-$(sha256sum "$AIO_REQUIREMENTS" | cut -c1-16)"
if [ ! -f "$AIO_STAMP" ]; then
    install_into "$AIO_VENV" "$AIO_STAMP" "the async test environment" -r "$AIO_REQUIREMENTS"
fi
