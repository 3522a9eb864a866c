#!/usr/bin/env bash
# Runs a class of the broker's class path with a small heap, like the distribution's script of this name.
# shellcheck disable=SC2086
exec java ${KAFKA_TOOL_HEAP_OPTS:--Xmx128m -XX:TieredStopAtLevel=1} -cp '/opt/kafka/libs/*' "$@"
