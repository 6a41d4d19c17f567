#!/usr/bin/env bash
# Runs the whole test suite. Installs the system packages the tests need when they are missing
# (Chromium and its driver for the browser tests, Tesseract for OCR, the fonts the tests render with),
# then runs every module's tests.
set -euo pipefail
cd "$(dirname "$0")"

packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v chromedriver >/dev/null 2>&1 || packages+=(chromium-driver)
command -v fc-list >/dev/null 2>&1 || packages+=(fontconfig)
# fonts the tests render with: CJK for Chinese pages and documents, DejaVu and Liberation for Latin statement layouts
# read the list once: piping fc-list into grep -q fails under pipefail when grep stops early (SIGPIPE)
fonts="$(fc-list 2>/dev/null || true)"
grep -q "WenQuanYi Zen Hei" <<<"$fonts" || packages+=(fonts-wqy-zenhei)
grep -q "DejaVu Sans" <<<"$fonts" || packages+=(fonts-dejavu-core)
grep -q "Liberation Serif" <<<"$fonts" || packages+=(fonts-liberation)
# document extraction (rpa-ocr-bots): Tesseract 5 with the Chinese and English models
command -v tesseract >/dev/null 2>&1 || packages+=(tesseract-ocr)
[ -f /usr/share/tesseract-ocr/5/tessdata/eng.traineddata ] || packages+=(tesseract-ocr-eng)
[ -f /usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata ] || packages+=(tesseract-ocr-chi-sim)
if [ ${#packages[@]} -gt 0 ]; then
  echo "Installing test prerequisites: ${packages[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${packages[@]}"
fi

# one OpenMP thread per Tesseract page: several threads per page are slower on 2 cores (stack.md)
export OMP_THREAD_LIMIT=1
./mvnw -B -ntp verify "$@"
