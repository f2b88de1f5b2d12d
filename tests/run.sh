#!/usr/bin/env bash
# The README's test command: installs what the tests need when missing, then runs every test project.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium="${KK_CHROMIUM:-/usr/bin/chromium}"
need_apt=()
[ -x "$chromium" ] || need_apt+=(chromium)
# LightGBM's native library (ML.NET) needs the GNU OpenMP runtime.
ldconfig -p 2>/dev/null | grep -q 'libgomp.so.1' || need_apt+=(libgomp1)
# The proxy tests put a real nginx (TLS) in front of the portal; it runs from a temporary folder, never as a service.
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need_apt+=(nginx)

if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${need_apt[*]} (Debian packages) for the tests..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "Installing ${need_apt[*]} (Debian packages) for the tests..."
    sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "The tests need these Debian packages: ${need_apt[*]}." >&2
    echo "Install them as root: apt-get install ${need_apt[*]}   (or set KK_CHROMIUM to a Chromium binary)." >&2
    exit 1
  fi
fi

export KK_CHROMIUM="$chromium"
dotnet test KnowledgeKaizen.sln "$@"
