#!/usr/bin/env bash
# Taskscope's one entry script: installs what is missing (Debian 12, as root or with sudo), builds,
# then starts the app or runs the whole test suite.
#
#   ./taskscope.sh app [SCENARIO]   build (clang++-16) and start the window on a built-in scenario
#   ./taskscope.sh test [PRESET…]   build and run every test: under ASan+UBSan (clang++-16) and with g++-12
#   ./taskscope.sh bench [N…]       build optimised and run the engine benchmarks
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(cmake ninja-build clang-16 libclang-rt-16-dev g++-12 qt6-base-dev qt6-svg-dev
          qcoro-qt6-dev libyaml-cpp-dev libgl-dev xvfb xauth x11-apps imagemagick fonts-dejavu-core)

install_missing() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "taskscope: installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
}

werror() {
    # CI treats warnings in our code as errors; a developer's newer compiler should not block a build.
    if [ "${CI:-}" = "true" ]; then echo "-DTASKSCOPE_WERROR=ON"; else echo "-DTASKSCOPE_WERROR=OFF"; fi
}

build() {
    local preset=$1
    cmake --preset "$preset" "$(werror)" >/dev/null
    cmake --build --preset "$preset"
}

have_display() {
    [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ -n "${QT_QPA_PLATFORM:-}" ]
}

cmd=${1:-app}
[ $# -gt 0 ] && shift
case "$cmd" in
app)
    install_missing
    build clang
    exe=build/clang/app/taskscope
    scenario=${1:-race-first-finisher}
    if have_display; then
        exec "$exe" "$scenario"
    fi
    cat <<MSG
taskscope: no display here, so the window cannot open. Ways to run it:
  xvfb-run -a $exe $scenario                      # the window on a virtual display
  QT_QPA_PLATFORM=offscreen $exe $scenario        # offscreen (nothing visible)
  $exe run $scenario                              # headless: run the scenario and print it
Running it headless now:
MSG
    exec "$exe" run "$scenario"
    ;;
test)
    install_missing
    presets=("$@")
    [ ${#presets[@]} -eq 0 ] && presets=(asan gcc)
    export QT_QPA_PLATFORM=offscreen
    for preset in "${presets[@]}"; do
        echo "== $preset: build"
        build "$preset"
        echo "== $preset: test"
        ctest --preset "$preset"
    done
    ;;
bench)
    install_missing
    cmake --preset release -DTASKSCOPE_ENGINE_ONLY=ON >/dev/null   # the engine alone: no GUI needed
    cmake --build --preset release --target taskscope_bench
    exe=build/release/tests/bench/taskscope_bench
    if [ -x "$exe" ]; then "$exe" "$@"; else echo "taskscope: no benchmark program built yet" >&2; exit 1; fi
    ;;
*)
    echo "usage: $0 app [SCENARIO] | test [PRESET…] | bench [N…]" >&2
    exit 2
    ;;
esac
