#!/usr/bin/env bash
# The stock distribution's kafka-topics.sh: the same tool from the same jars.
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.kafka.tools.TopicCommand "$@"
