#!/usr/bin/env bash
# Installs the Debian packages ClearFlow uses when they are missing, and says what it installs.
# One list for both README commands (run.sh and test.sh call it):
#   run   what the running platform uses: Tesseract 5 with the chi_sim and eng models (the bots' OCR) and a CJK font
#         (ID-card and statement previews). Optional: when they cannot be installed (no root, no sudo, no package
#         mirror) the platform starts anyway and reports OCR as unavailable (health component "ocr", RPA console).
#   test  the above, plus Chromium and its driver (browser tests), the Latin fonts the tests render statements with, and
#         Prometheus (the dashboards and alert rules are evaluated by a real Prometheus server and checked by promtool).
#         Required: the suite fails without them, so an install failure stops here.
set -euo pipefail

purpose="${1:?usage: system-packages.sh run|test}"
tessdata=/usr/share/tesseract-ocr/5/tessdata

missing=()
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
[ -f "$tessdata/eng.traineddata" ] || missing+=(tesseract-ocr-eng)
[ -f "$tessdata/chi_sim.traineddata" ] || missing+=(tesseract-ocr-chi-sim)
command -v fc-list >/dev/null 2>&1 || missing+=(fontconfig)
# read the font list once: piping fc-list into grep -q fails under pipefail when grep stops early (SIGPIPE)
fonts="$(fc-list 2>/dev/null || true)"
grep -q "WenQuanYi Zen Hei" <<<"$fonts" || missing+=(fonts-wqy-zenhei)
if [ "$purpose" = test ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
  grep -q "DejaVu Sans" <<<"$fonts" || missing+=(fonts-dejavu-core)
  grep -q "Liberation Serif" <<<"$fonts" || missing+=(fonts-liberation)
  { [ -x /usr/bin/prometheus ] && [ -x /usr/bin/promtool ]; } || missing+=(prometheus)
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing system packages for '$purpose': ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); fi
fi
if { [ "$(id -u)" -eq 0 ] || [ ${#sudo_cmd[@]} -gt 0 ]; } \
   && "${sudo_cmd[@]}" apt-get update -qq \
   && DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
  echo "Installed: ${missing[*]}"
elif [ "$purpose" = run ]; then
  echo "Could not install ${missing[*]} (needs root or sudo and a Debian package mirror)."
  echo "ClearFlow starts without them: OCR is reported unavailable (see /actuator/health and the RPA console)."
else
  echo "Could not install ${missing[*]}: the tests need them. Run as root, or install them with apt-get first." >&2
  exit 1
fi
