#!/usr/bin/env bash
# Builds and starts the ClearFlow platform on its embedded default: H2 file database under ./data,
# in-process event bus, demo organisation. Needs only Java 17. Open the URL it prints.
# Extra arguments go to the application, e.g. ./run.sh --server.port=9090 --spring.profiles.active=postgres
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -ntp -DskipTests package
exec java ${JAVA_OPTS:--Xmx1g} -jar deploy/target/clearflow.jar "$@"
