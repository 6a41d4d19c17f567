#!/usr/bin/env bash
# Runs the whole test suite. Installs the system packages the tests need when they are missing
# (Chromium and its driver for the browser tests, Tesseract for OCR, the fonts the tests render with),
# then runs every module's tests.
set -euo pipefail
cd "$(dirname "$0")"

# Java takes its default charset from the locale: on a machine without one (LANG unset, POSIX) it would read and
# write Chinese as '?'. C.UTF-8 is built into Debian's C library.
case "$(locale charmap 2>/dev/null)" in UTF-8) ;; *) export LC_ALL=C.UTF-8 ;; esac

bash scripts/system-packages.sh test

# one OpenMP thread per Tesseract page: several threads per page are slower on 2 cores (stack.md)
export OMP_THREAD_LIMIT=1
./mvnw -B -ntp verify "$@"
