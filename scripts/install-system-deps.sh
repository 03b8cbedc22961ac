#!/usr/bin/env bash
# Debian packages the project needs, installed only when missing (needs root, as on CI).
#   install-system-deps.sh build   Pango, which WeasyPrint needs to make the PDFs
#   install-system-deps.sh test    the same, headless Chromium for the browser tests, Java for the
#                                  W3C Nu Html Checker (npm vnu-jar) and nginx (tests/test_nginx.py
#                                  serves the site with deploy/nginx.conf)
set -euo pipefail
needed=()
dpkg -s libpango-1.0-0 >/dev/null 2>&1 || needed+=(libpango-1.0-0 libpangoft2-1.0-0)
if [ "${1:-test}" = test ]; then
  command -v chromium >/dev/null || needed+=(chromium)
  [ -x /usr/sbin/nginx ] || needed+=(nginx)
  command -v java >/dev/null || needed+=(default-jre-headless)
fi
if [ ${#needed[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${needed[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${needed[@]}"
fi
