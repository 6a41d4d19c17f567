#!/usr/bin/env bash
# Builds and starts the ClearFlow platform on its embedded default: H2 file database under ./data,
# in-process event bus, demo organisation. Needs only Java 17. Open the URL it prints.
# Extra arguments go to the application, e.g. ./run.sh --server.port=9090 --spring.profiles.active=postgres
#
# Starts use Spring Boot's extracted layout with a class-data-sharing archive (about a third faster
# than the plain jar). The archive is made once per build, by a training start against a throw-away
# data folder, and kept while the jar stays the same (builds are reproducible).
set -euo pipefail
cd "$(dirname "$0")"

# Java takes its default charset from the locale: on a machine without one (LANG unset, POSIX) it would read and
# write Chinese as '?'. C.UTF-8 is built into Debian's C library.
case "$(locale charmap 2>/dev/null)" in UTF-8) ;; *) export LC_ALL=C.UTF-8 ;; esac
# Tesseract (OCR) and a CJK font, installed when missing; the platform also starts without them and says so
bash scripts/system-packages.sh run
./mvnw -B -q -ntp -DskipTests package

jar=deploy/target/clearflow.jar
app=deploy/target/app
checksum=$(sha256sum "$jar" | cut -d' ' -f1)
if [ ! -f "$app/clearflow.jsa" ] || [ "$(cat "$app/jar.sha256" 2>/dev/null)" != "$checksum" ]; then
  rm -rf "$app"
  java -Djarmode=tools -jar "$jar" extract --destination "$app" >/dev/null
  echo "Preparing the class-data-sharing archive (once per build, about half a minute)..."
  training=$(mktemp -d)
  if java -XX:ArchiveClassesAtExit="$app/clearflow.jsa" -Dspring.context.exit=onRefresh -jar "$app/clearflow.jar" \
       --clearflow.data-dir="$training" --server.port=0 >"$app/training.log" 2>&1; then
    echo "$checksum" > "$app/jar.sha256"
  else
    echo "Could not prepare the archive (see $app/training.log); starting without it."
    rm -f "$app/clearflow.jsa"
  fi
  rm -rf "$training"
fi

# Tesseract (the bots' OCR) is far faster with one OpenMP thread per page on few cores (stack.md)
export OMP_THREAD_LIMIT="${OMP_THREAD_LIMIT:-1}"

cds=()
[ -f "$app/clearflow.jsa" ] && cds=(-XX:SharedArchiveFile="$app/clearflow.jsa")
exec java ${JAVA_OPTS:--Xmx1g} "${cds[@]}" -jar "$app/clearflow.jar" "$@"
