# Sourced after _venv.sh by scripts/test: for each other Python the generator supports that this machine
# has (on the PATH, or installed by pyenv), make .venv-pyX.Y with the generator and only its own
# dependencies, where tests/integration/test_pythons.py checks that it generates exactly the committed generated/.
OTHER_PYTHONS=(3.12 3.13)
find_python() {  # find_python 3.12: an interpreter of that version that runs, or nothing
    local version="$1" candidate
    for candidate in "python$version" "$(pyenv root 2>/dev/null)"/versions/"$version"*/bin/"python$version"; do
        if "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != tuple(map(int, sys.argv[1].split("."))))' \
            "$version" >/dev/null 2>&1; then
            command -v "$candidate" 2>/dev/null || echo "$candidate"
            return
        fi
    done
}
for other in "${OTHER_PYTHONS[@]}"; do
    other_venv="$ROOT/.venv-py$other"
    other_python="$(find_python "$other")"
    if [ -z "$other_python" ]; then
        echo "scripts: no Python $other here (PATH, pyenv): tests/integration/test_pythons.py skips it" >&2
        continue
    fi
    [ -x "$other_venv/bin/python" ] || "$other_python" -m venv "$other_venv"
    other_stamp="$other_venv/.installed-$(sha256sum "$ROOT/pyproject.toml" | cut -c1-16)"
    if [ ! -f "$other_stamp" ]; then
        install_into "$other_venv" "$other_stamp" "the generator for Python $other" -e "$ROOT"
    fi
done
