#!/usr/bin/env bash
# Trellis developer entry point: the README's two quick-start commands.
#
#   build-aux/dev.sh run    install dependencies, build, open the sample classroom
#   build-aux/dev.sh test   install dependencies, build, run every test
#
# Works on a fresh Debian 12 machine (and CI, as root).
set -euo pipefail

cd "$(dirname "$0")/.."
top=$(pwd)
build="$top/_build"
asan_build="$top/_build-asan"

packages=(
  meson ninja-build pkg-config gcc
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libxml2-dev libarchive-dev libjson-glib-dev
  libcairo2-dev libpango1.0-dev
  gettext appstream desktop-file-utils libglib2.0-bin libxml2-utils
  xvfb xauth poppler-utils python3 codespell unzip libcsv-dev
  fonts-cantarell adwaita-icon-theme librsvg2-common libgl1-mesa-dri
)

install_dependencies () {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  echo "Installing: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

configure () {
  local dir=$1; shift
  if [ -f "$dir/build.ninja" ]; then
    meson configure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@"
  fi
}

build () {
  configure "$build" -Dwerror=true
  ninja -C "$build"
}

run_app () {
  local sample="$build/Sample Classroom.trellis"
  [ -f "$sample" ] || "$build/src/cli/trellis-cli" create --sample "$sample"
  GSETTINGS_SCHEMA_DIR="$build/data" exec "$build/src/gui/trellis" "$sample"
}

run_tests () {
  # Everything, the UI suite under a virtual X server.
  # A screen larger than any test window (the main window opens at
  # 1100 × 720): a popover or tooltip placed beyond the screen's edge has no
  # monitor, and GTK 4.8 then warns, which the tests treat as fatal.
  xvfb-run -a -s "-screen 0 1920x1200x24" \
    meson test -C "$build" --print-errorlogs --num-processes 2

  # The core and the CLI again under AddressSanitizer and UBSan.
  configure "$asan_build" -Dgui=false -Dwerror=true -Db_sanitize=address,undefined -Dbuildtype=debug
  ninja -C "$asan_build"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    meson test -C "$asan_build" --suite core --suite cli --print-errorlogs --num-processes 2

  # Spelling of code and prose.
  codespell

  # One closing line for the whole run: meson test units (each a TAP program).
  python3 - "$build/meson-logs/testlog.json" "$asan_build/meson-logs/testlog.json" <<'PY'
import json, sys
passed = failed = skipped = 0
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        result = json.loads(line)["result"]
        if result == "OK":
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
}

case "${1:-}" in
  run)
    install_dependencies
    build
    run_app
    ;;
  test)
    install_dependencies
    build
    run_tests
    ;;
  deps)
    install_dependencies
    ;;
  *)
    echo "usage: $0 run|test|deps" >&2
    exit 2
    ;;
esac
