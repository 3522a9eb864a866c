#!/usr/bin/env bash
# The stock distribution's kafka-broker-api-versions.sh: the same tool from the same jars.
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.kafka.tools.BrokerApiVersionsCommand "$@"
