#!/usr/bin/env bash
# Runs every test. Installs what the tests need from Debian's packages when it is missing
# (PostgreSQL with PostGIS, Chromium, fonts for Latin, Arabic and Chinese text, poppler-utils and
# zbar-tools to read flyers back, npm for the map's Leaflet files, which the build installs from
# package-lock.json, and hunspell-pl for Polish search), then runs `dotnet test` on the solution.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter Sqlite).
set -euo pipefail
cd "$(dirname "$0")"

missing=()
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ]; then
  missing+=(postgresql postgresql-postgis)
else
  pg_version=$(basename "$(dirname "$pg_bin")")
  [ -f "/usr/share/postgresql/$pg_version/extension/postgis.control" ] || missing+=("postgresql-$pg_version-postgis-3")
fi
[ -x /usr/lib/chromium/chromium ] || missing+=(chromium)
[ -d /usr/share/fonts/truetype/noto ] || missing+=(fonts-noto-core)
# Chinese on server-drawn maps and flyers (fonts-noto-cjk works too; this one is 5 MB instead of 50).
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || fc-list 2>/dev/null | grep -q 'Noto Sans CJK' || missing+=(fonts-wqy-microhei)
# The flyer tests read PDFs back (pdftotext, pdftoppm, pdfinfo) and decode the QR code (zbarimg).
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v zbarimg >/dev/null 2>&1 || missing+=(zbar-tools)
command -v npm >/dev/null 2>&1 || missing+=(npm)
# Polish search stems words with this Hunspell dictionary (without it the site folds Polish only).
[ -f /usr/share/hunspell/pl_PL.dic ] || missing+=(hunspell-pl)

if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]} from Debian's packages"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "test.sh: not root and no sudo: the PostgreSQL and browser tests will skip (install ${missing[*]} to run them)"
  fi
fi

dotnet test AidDirectory.sln "$@"
