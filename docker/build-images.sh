#!/usr/bin/env bash
# Builds the images compose.local.yaml, docker/cluster-test.sh and the Testcontainers tests run, from
# nothing but what a machine without a container registry reaches: Debian's mirror and Maven Central.
#
#   docker/build-images.sh                 # all of them
#   docker/build-images.sh kafka postgres  # some (their parents are built too when missing)
#
# newsflow/debian:bookworm   debootstrap root filesystem, loaded with docker import
# newsflow/jre:17            + Debian's openjdk-17-jre-headless
# newsflow/kafka:<version>   + Apache Kafka's kafka_2.13 and its dependencies (Maven, on the host)
# newsflow/newsflow:local    + app/target/newsflow.jar (built with the Maven wrapper when missing)
# newsflow/postgres:15       Debian's postgresql-15
# newsflow/prometheus:2      Debian's prometheus
# newsflow/newssite:local    Debian's python3 and the fault test's news site
#
# Every image carries a label with the hash of what it is built from (its files and its parent
# image); an image whose label matches is not built again, so a second run takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
images=$root/docker/images
export DOCKER_BUILDKIT=0 # Debian's docker.io has no buildx; the classic builder is enough here

suite=bookworm
kafka_version=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' pom.xml)
label=io.newsflow.inputs
work=$(mktemp -d /var/tmp/newsflow-images.XXXXXX) # build contexts and the root filesystem
trap 'rm -rf "$work"' EXIT

# The mirror apt uses on this machine (deb822 or one-line sources), else Debian's redirector.
debian_mirror() {
  local uri
  uri=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | sed -n 's/^URIs: *\(http[^ ]*\/debian\)\/\?$/\1/p' | head -n 1)
  [ -n "$uri" ] || uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
    | sed -n 's/^deb \(\[[^]]*\] \)\?\(http[^ ]*\/debian\)\/\? .*/\2/p' | head -n 1)
  echo "${uri:-http://deb.debian.org/debian}"
}

inputs_of() { # the hash of a build context and the parent image it builds on
  local dir=$1 parent=${2:-}
  {
    (cd "$dir" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
    [ -z "$parent" ] || docker image inspect -f '{{.Id}}' "$parent"
  } | sha256sum | cut -c1-64
}

current() { # whether the image exists and was built from these inputs
  [ "$(docker image inspect -f "{{ index .Config.Labels \"$label\" }}" "$1" 2>/dev/null)" = "$2" ]
}

build() { # tag context-dir [parent-image]
  local tag=$1 dir=$2 parent=${3:-} hash started
  hash=$(inputs_of "$dir" "$parent")
  if current "$tag" "$hash"; then
    echo "images: $tag is up to date"
    return
  fi
  started=$SECONDS
  # the build steps install Debian packages: they reach the mirror the way apt on this machine does
  docker build --quiet --network host --label "$label=$hash" -t "$tag" "$dir" > /dev/null
  echo "images: built $tag in $((SECONDS - started)) s"
}

base() {
  local tag=newsflow/debian:$suite mirror hash rootfs started
  mirror=$(debian_mirror)
  hash=$( { echo "$suite $mirror minbase"; declare -f base; } | sha256sum | cut -c1-64)
  if current "$tag" "$hash"; then
    echo "images: $tag is up to date"
    return
  fi
  started=$SECONDS
  rootfs=$work/rootfs
  debootstrap --variant=minbase "$suite" "$rootfs" "$mirror" > "$work/debootstrap.log" 2>&1 \
    || { tail -n 20 "$work/debootstrap.log" >&2; exit 1; }
  # images stay small: no recommended packages, no downloaded archives, no package lists
  echo 'APT::Install-Recommends "false";' > "$rootfs/etc/apt/apt.conf.d/90newsflow"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | docker import --change 'CMD ["bash"]' --change "LABEL $label=$hash" - "$tag" > /dev/null
  echo "images: built $tag (debootstrap from $mirror) in $((SECONDS - started)) s"
}

jre() { base; build newsflow/jre:17 "$images/jre" newsflow/debian:$suite; }

kafka() {
  jre
  local ctx=$work/kafka
  mkdir -p "$ctx"
  cp -r "$images/kafka/Dockerfile" "$images/kafka/run" "$images/kafka/bin" "$ctx/"
  ./mvnw -q -B -f docker/images/kafka/pom.xml dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$ctx/libs"
  build "newsflow/kafka:$kafka_version" "$ctx" newsflow/jre:17
}

newsflow() {
  jre
  local jar=app/target/newsflow.jar ctx
  if [ ! -f "$jar" ]; then
    echo "images: no $jar yet, building it"
    ./mvnw -q -B -DskipTests package -pl app -am
  fi
  ctx=$work/newsflow
  mkdir -p "$ctx"
  cp "$images/newsflow/Dockerfile" "$jar" docker/newsflow.yaml "$ctx/"
  build newsflow/newsflow:local "$ctx" newsflow/jre:17
}

postgres() { base; build newsflow/postgres:15 "$images/postgres" newsflow/debian:$suite; }
prometheus() { base; build newsflow/prometheus:2 "$images/prometheus" newsflow/debian:$suite; }
newssite() { base; build newsflow/newssite:local "$images/newssite" newsflow/debian:$suite; }

command -v docker > /dev/null || { echo "images: no docker command" >&2; exit 1; }
docker info > /dev/null 2>&1 || { echo "images: no Docker engine answers (start dockerd)" >&2; exit 1; }
command -v debootstrap > /dev/null || docker image inspect newsflow/debian:$suite > /dev/null 2>&1 \
  || { echo "images: debootstrap is needed for the base image (apt-get install debootstrap)" >&2; exit 1; }

[ $# -gt 0 ] || set -- kafka postgres prometheus newssite newsflow
for image in "$@"; do
  case $image in
    base | jre | kafka | newsflow | postgres | prometheus | newssite) "$image" ;;
    *) echo "images: unknown image $image (base jre kafka newsflow postgres prometheus newssite)" >&2; exit 2 ;;
  esac
done
