#!/usr/bin/env bash
# The cluster under faults: compose.yaml with the locally built images (compose.local.yaml) and a
# news site in its own container (cluster-test/compose.yaml), then five faults one after another.
# Each scenario lets the site publish, injects its fault mid-stream, stops publishing and waits for
# the pipeline to drain; then every article the site published during the scenario must be in
# PostgreSQL exactly once. One JSON line per scenario, a summary line last; exit status 1 when
# anything was lost or stored twice.
#
#   docker/build-images.sh && docker/cluster-test.sh
#
# KEEP=1 leaves the cluster running afterwards (docker-compose -p newsflow-test ... down -v removes it).
# Test traffic goes to the containers of this project and nowhere else.
set -euo pipefail
cd "$(dirname "$0")"

project=newsflow-test
if docker compose version > /dev/null 2>&1; then compose=(docker compose); else compose=(docker-compose); fi
compose+=(-p "$project" -f compose.yaml -f compose.local.yaml -f cluster-test/compose.yaml)
network=${project}_newsflow

WARM_S=${WARM_S:-20}           # publishing before the fault
AFTER_S=${AFTER_S:-20}         # publishing after the fault
DRAIN_S=${DRAIN_S:-300}        # longest wait for the pipeline to store what was published
READY_S=${READY_S:-300}        # longest wait for a restarted service
CUT_S=${CUT_S:-60}             # a broker's time off the network

log() { echo "cluster-test: $*" >&2; }

for image in newsflow/kafka newsflow/postgres:15 newsflow/prometheus:2 newsflow/newssite:local newsflow/newsflow:local; do
  docker image inspect "$image$([[ $image == newsflow/kafka ]] && echo ":$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' ../pom.xml)")" \
    > /dev/null 2>&1 || { log "image $image missing: run docker/build-images.sh"; exit 2; }
done

cleanup() {
  if [ "${KEEP:-0}" = 1 ]; then
    log "KEEP=1: the cluster stays up (${compose[*]} down -v)"
  else
    "${compose[@]}" down -v --remove-orphans > /dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

container() { "${compose[@]}" ps -q "$1" | sed -n "${2:-1}p"; } # service [index]
address() { docker inspect -f "{{ (index .NetworkSettings.Networks \"$network\").IPAddress }}" "$1"; }
site() { local ip; ip=$(address "$(container site)"); curl -fsS -m 10 "$@" "http://$ip/_site/${path}"; }
site_get() { path=$1 site; }
site_post() { path=$1 site -X POST > /dev/null; }
sql() { docker exec "$(container postgres)" psql -U newsflow -d newsflow -Atq -c "$1"; }
kafka_tool() { # broker-service tool args...: a Kafka tool inside a running broker, against itself
  local service=$1 tool=$2
  shift 2
  docker exec -e KAFKA_TOOL_HEAP_OPTS="-Xmx96m -XX:TieredStopAtLevel=1" "$(container "$service")" \
    "/opt/kafka/bin/$tool.sh" --bootstrap-server "$service:29092" "$@" 2> /dev/null
}
running_broker() { # a broker service whose container runs and answers
  for service in kafka-1 kafka-2 kafka-3; do
    [ "$(docker inspect -f '{{.State.Running}}' "$(container "$service")")" = true ] || continue
    kafka_tool "$service" kafka-topics --list > /dev/null && { echo "$service"; return; }
  done
  return 1
}

wait_for() { # seconds description command...
  local limit=$1 what=$2
  shift 2
  local deadline=$((SECONDS + limit))
  until "$@" > /dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || { log "gave up waiting for $what after $limit s"; return 1; }
    sleep 3
  done
}
stage_ready() { curl -fsS -m 5 -o /dev/null "http://$(address "$1"):8080/ready"; }
postgres_ready() { docker exec "$1" pg_isready -U newsflow -d newsflow -q; }
fully_replicated() { # every partition of every topic has all its replicas in sync
  local broker out
  broker=$(running_broker) || return 1
  out=$(kafka_tool "$broker" kafka-topics --describe --under-replicated-partitions) || return 1
  [ -z "$out" ]
}
ready() { # container: as ready as its kind can tell
  local name
  name=$(docker inspect -f '{{ index .Config.Labels "com.docker.compose.service" }}' "$1")
  case $name in
    kafka-*) wait_for "$READY_S" "$name in sync" fully_replicated ;;
    postgres) wait_for "$READY_S" "postgres" postgres_ready "$1" ;;
    ingest | enrich | sink) wait_for "$READY_S" "$name ready" stage_ready "$1" ;;
    *) wait_for "$READY_S" "$name running" test "$(docker inspect -f '{{.State.Running}}' "$1")" = true ;;
  esac
}

# --- faults -----------------------------------------------------------------------------------

kill_pages_leader() {
  local broker leader c
  broker=$(running_broker)
  leader=$(kafka_tool "$broker" kafka-topics --describe --topic newsflow.pages \
    | grep -o 'Leader: [0-9]*' | awk '{print $2}' | sort | uniq -c | sort -rn | awk 'NR==1 {print $2}')
  c=$(container "kafka-$leader")
  log "SIGKILL kafka-$leader, leader of the most newsflow.pages partitions"
  docker kill -s KILL "$c" > /dev/null
  sleep "$AFTER_S"
  docker start "$c" > /dev/null
  ready "$c"
}

cut_broker() {
  local c
  c=$(container kafka-2)
  log "kafka-2 off the network for $CUT_S s"
  docker network disconnect "$network" "$c"
  sleep "$CUT_S"
  docker network connect --alias kafka-2 "$network" "$c"
  ready "$c"
}

kill_stage_instances() {
  local service c
  for service in enrich sink ingest; do
    c=$(container "$service" 1)
    log "SIGKILL one $service instance"
    docker kill -s KILL "$c" > /dev/null
    sleep 10
    docker start "$c" > /dev/null
    ready "$c"
  done
}

rolling_restart() {
  local service c
  for service in kafka-1 kafka-2 kafka-3 postgres ingest enrich sink prometheus; do
    for c in $("${compose[@]}" ps -q "$service"); do
      log "restarting $(docker inspect -f '{{.Name}}' "$c")"
      docker restart -t 30 "$c" > /dev/null
      ready "$c"
    done
  done
}

restart_postgres() {
  log "restarting PostgreSQL"
  docker restart -t 10 "$(container postgres)" > /dev/null
  ready "$(container postgres)"
}

# --- one scenario -----------------------------------------------------------------------------

total_lost=0
total_duplicates=0
scenarios=0

scenario() { # name fault-function
  local name=$1 fault=$2 started=$SECONDS before served stored lost duplicates deadline
  before=$(site_get published | wc -l)
  site_post resume
  sleep "$WARM_S"
  "$fault"
  sleep "$AFTER_S"
  site_post pause
  site_get published | tail -n +"$((before + 1))" > "$work/served"
  served=$(wc -l < "$work/served")
  # drained when every served URL has a row (or the wait is over: what is missing then is lost)
  deadline=$((SECONDS + DRAIN_S))
  while :; do
    sql "SELECT url FROM articles" | sort > "$work/rows"
    stored=$(sort -u "$work/rows" | comm -12 - <(sort -u "$work/served") | wc -l)
    [ "$stored" -lt "$served" ] && [ $SECONDS -lt $deadline ] || break
    sleep 5
  done
  lost=$((served - stored))
  # a URL stored in more than one row, or an article of this site given a second version
  duplicates=$(( $(sort "$work/rows" | uniq -d | sort - "$work/served" | uniq -d | wc -l) ))
  duplicates=$((duplicates + $(sql "SELECT count(*) FROM articles WHERE version > 1")))
  scenarios=$((scenarios + 1))
  total_lost=$((total_lost + lost))
  total_duplicates=$((total_duplicates + duplicates))
  printf '{"scenario":"%s","served":%d,"stored":%d,"lost":%d,"duplicates":%d,"seconds":%d}\n' \
    "$name" "$served" "$stored" "$lost" "$duplicates" $((SECONDS - started))
}

# --- run --------------------------------------------------------------------------------------

work=$(mktemp -d)
trap 'cleanup; rm -rf "$work"' EXIT

started=$SECONDS
"${compose[@]}" down -v --remove-orphans > /dev/null 2>&1 || true
log "starting 3 brokers, PostgreSQL, Prometheus, the site and 2 instances of each stage"
"${compose[@]}" up -d > "$work/up.log" 2>&1 || { cat "$work/up.log" >&2; exit 1; }
for service in ingest enrich sink; do
  for c in $("${compose[@]}" ps -q "$service"); do ready "$c"; done
done
log "cluster ready in $((SECONDS - started)) s"

scenario broker-kill kill_pages_leader
scenario broker-network-cut cut_broker
scenario stage-kill kill_stage_instances
scenario rolling-restart rolling_restart
scenario postgres-restart restart_postgres

replication=$(kafka_tool "$(running_broker)" kafka-topics --describe --topic newsflow.pages \
  | grep -o 'ReplicationFactor: *[0-9]*' | head -n 1 | grep -o '[0-9]*$')
brokers=$(kafka_tool "$(running_broker)" kafka-broker-api-versions | grep -c '^[^ ].*(id: [0-9]* rack' || true)
log "memory per container:"
docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' $("${compose[@]}" ps -q) | sed 's/^/  /' >&2
printf '{"scenarios":%d,"lost":%d,"duplicates":%d,"brokers":%d,"replicationFactor":%d}\n' \
  "$scenarios" "$total_lost" "$total_duplicates" "$brokers" "$replication"
log "done in $((SECONDS - started)) s"
[ "$total_lost" -eq 0 ] && [ "$total_duplicates" -eq 0 ]
