#!/usr/bin/env bash
# Runs the whole test suite. Installs the system packages the tests need when they are missing
# (Chromium and its driver for the browser tests, a CJK font), then runs every module's tests.
set -euo pipefail
cd "$(dirname "$0")"

packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v chromedriver >/dev/null 2>&1 || packages+=(chromium-driver)
fc-list 2>/dev/null | grep -q "WenQuanYi Zen Hei" || packages+=(fonts-wqy-zenhei)
if [ ${#packages[@]} -gt 0 ]; then
  echo "Installing test prerequisites: ${packages[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${packages[@]}"
fi

./mvnw -B -ntp verify "$@"
