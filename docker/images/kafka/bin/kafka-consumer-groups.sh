#!/usr/bin/env bash
# The stock distribution's kafka-consumer-groups.sh: the same tool from the same jars.
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.kafka.tools.consumer.group.ConsumerGroupCommand "$@"
