#!/usr/bin/env bash
# Debian packages the project needs, installed only when missing: as root (the Debian container of
# the workflows), or through sudo (a GitHub Ubuntu runner, whose ubuntu-24.04 image has no Pango).
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
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Fix: install ${needed[*]} as root (apt-get install), then run make again." >&2; exit 1; }
    as_root=(sudo)
  fi
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${needed[@]}"
fi
