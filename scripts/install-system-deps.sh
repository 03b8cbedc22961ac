#!/usr/bin/env bash
# Debian packages the test suite needs; installed only when missing (needs root, as on CI).
set -euo pipefail
needed=()
command -v chromium >/dev/null || needed+=(chromium)
dpkg -s libpango-1.0-0 >/dev/null 2>&1 || needed+=(libpango-1.0-0 libpangoft2-1.0-0)
if [ ${#needed[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${needed[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${needed[@]}"
fi
