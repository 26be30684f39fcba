#!/usr/bin/env bash
# Registry: Weft vs SOFARegistry 6.3.0 — the same workload through the same official client
# (registry-client-all 6.5.6) against each, one after the other, each server in a private network namespace
# that has only lo. Prints the figures side by side. Builds nothing; prepare once, from the repository root:
#
#   mvn -B -o -q -DskipTests install                                      # assembly/target/weft-standalone
#   mvn -B -o -q -pl bench package                                        # bench/target/registry-client/, the load jar
#   mvn -B -q -f bench/registry/peer/pom.xml dependency:copy-dependencies # bench/registry/peer/target/lib (the peer)
#
# Then, as root (unshare --net):  bench/registry/run.sh [TARGET...], TARGET one of those below
#                                 (default: weft peer peer-fast)
#   weft           Weft standalone from assembly/target/weft-standalone with its defaults (every role)
#   weft-registry  the same distribution and defaults, roles registry-meta,registry-data,registry-session only (as the peer:
#                  a registry and nothing else in the JVM)
#   weft-cluster   bin/registry-cluster from the same distribution (3 meta + 2 data + 2 session nodes); the clients
#                  spread over both sessions through discovery; the restart is of session2 alone, judged by a change
#                  made as its stop returns reaching every subscriber (the others keep serving); RSS is session2's
#   weft-upgrade   as weft-registry, but its restart is an in-place upgrade of the session: a registry-session bundle
#                  with a higher version dropped into deploy/ (the node keeps running); judged as weft-cluster's, by a
#                  change made once the old session has closed its client port reaching every subscriber
#   weft-wire      as weft-registry, but the session calls its own data server over Bolt on loopback, as it did before
#                  decision 0025 (dataInProcess=false): beside weft-registry, what the in-process path changes
#   peer       SOFARegistry 6.3.0 with its shipped settings
#   peer-fast  SOFARegistry 6.3.0 with its push debouncing cut to 10 ms
#   ceiling    AnswerOnlySession, a stand-in that answers every registration at once and keeps nothing (registration
#              phase only): the official client against a server that does no work. Not a bound on the others: the
#              load JVM's own CPU depends on how fast it is answered (Weft's standalone node took more registrations
#              per second than it in the run of 2026-12-07 17:35)
# LOAD_ARGS adds or overrides RegistryLoad's --name value arguments. Output: bench/target/registry-run/<time>/
# (per target: load.out, figures.properties, the server's logs; side-by-side.txt). All eight targets: ~20 min.
# Every process it starts is stopped by PID (trap), never by name.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=load-jvm.sh
. "$here/load-jvm.sh"

# Inside the namespace (run.sh re-invokes itself through unshare): lo up, the server, the load, the server stopped.
if [ "${1:-}" = --inside ]; then
  target=$2 dir=$3
  ip link set lo up && ip addr add 10.255.255.1/32 dev lo || exit 1
  case "$target" in
    weft) kind=weft mode=default host=127.0.0.1 ;;
    weft-registry) kind=weft mode=default host=127.0.0.1; export WEFT_ROLES=registry-meta,registry-data,registry-session ;;
    weft-cluster) kind=cluster mode=default host=127.0.0.1 ;;
    weft-upgrade) kind=weft mode=default host=127.0.0.1; export WEFT_ROLES=registry-meta,registry-data,registry-session ;;
    weft-wire) kind=weft mode=default host=127.0.0.1; export WEFT_ROLES=registry-meta,registry-data,registry-session
      export WEFT_SESSION_CONF=dataInProcess=false ;;
    peer) kind=peer mode=shipped host=10.255.255.1 ;;
    peer-fast) kind=peer mode=fast host=10.255.255.1 ;;
    ceiling) kind=answer mode=default host=127.0.0.1 ;;
    *) echo "run.sh: no target $target (see the head of this script)" >&2; exit 64 ;;
  esac
  server="$here/server.sh"
  pidfile=$("$server" pidfile "$kind" "$dir")
  stop_all() {
    [ -f "$dir/load.pid" ] && kill -TERM "$(cat "$dir/load.pid")" 2>/dev/null
    "$server" stop "$kind" "$dir" > /dev/null 2>&1
  }
  trap stop_all EXIT
  trap 'exit 130' INT TERM
  echo "[$target] starting the server ($(date -u +%H:%M:%S))"
  began=$(date +%s%N)
  "$server" start "$kind" "$dir" "$mode" || { echo "[$target] the server did not start: see $dir"; exit 1; }
  echo "[$target] healthy after $(( ($(date +%s%N) - began) / 1000000 )) ms, pid $(cat "$pidfile")"
  restarted=$kind cluster_args=()
  if [ "$kind" = cluster ]; then
    restarted=session2 cluster_args=(--session-ops 127.0.0.1:9603,127.0.0.1:9703 --restart-change true)
  elif [ "$target" = weft-upgrade ]; then
    restarted=upgrade cluster_args=(--restart-change true)
  elif [ "$kind" = answer ]; then
    cluster_args=(--registration-only true)
  fi
  # shellcheck disable=SC2086
  "${load_jvm[@]}" io.weft.bench.registry.load.RegistryLoad --label "$target" --discovery "$host:9603" \
    --pid-file "$pidfile" --out "$dir/figures.properties" --command-log "$dir/restart.log" \
    --stop-cmd "'$server' stop $restarted '$dir'" --start-cmd "'$server' start $restarted '$dir' $mode" \
    "${cluster_args[@]}" ${LOAD_ARGS:-} > "$dir/load.out" 2>&1 &
  echo $! > "$dir/load.pid"
  tail -f --pid=$! "$dir/load.out" | grep -v '^SLF4J' &
  tailer=$!
  wait "$(cat "$dir/load.pid")"; status=$?
  wait "$tailer"
  rm -f "$dir/load.pid"
  echo "[$target] load exited $status ($(date -u +%H:%M:%S))"
  exit $status
fi

[ "$(id -u)" = 0 ] || { echo "run.sh: needs root for unshare --net" >&2; exit 1; }
for need in "$root/assembly/target/weft-standalone/bin/weft" "$root/bench/target/registry-client/registry-client-all-6.5.6.jar" \
            "$here/peer/target/lib/registry-server-integration-6.3.0.jar"; do
  [ -e "$need" ] || { echo "run.sh: $need is missing: prepare as the head of this script says" >&2; exit 1; }
done
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(weft peer peer-fast)
run=${RUN_DIR:-$root/bench/target/registry-run/$(date -u +%Y%m%d-%H%M%S)}
run=$(realpath -m "$run") # the steps run in other directories: a relative RUN_DIR would name nothing there
mkdir -p "$run"
# A copy of the distribution, so that a rebuild of assembly/ during the run cannot change what is measured.
cp -a "${WEFT_DIST:-$root/assembly/target/weft-standalone}" "$run/weft-standalone" || exit 1
export WEFT_DIST="$run/weft-standalone"
child=""
cleanup() { # the namespace's shell, then any server whose pid file names a live process
  [ -n "$child" ] && kill -TERM "$child" 2>/dev/null && wait "$child" 2>/dev/null
  for t in "${targets[@]}"; do
    for f in "$run/$t/home/data/weft.pid" "$run/$t/peer.pid" "$run/$t/answer.pid" "$run/$t/load.pid" \
             "$run/$t"/cluster/*/data/weft.pid; do
      [ -f "$f" ] || continue
      pid=$(cat "$f"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || continue
      kill -TERM "$pid" 2>/dev/null; sleep 5; kill -KILL "$pid" 2>/dev/null
    done
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "registry bench: $(date); $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs));" \
     "$(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -n 1); output in $run"
echo "weft: $(git -C "$root" rev-parse --short HEAD 2>/dev/null) (+ working tree), distribution built" \
     "$(find "$WEFT_DIST" -type f -printf '%TY-%Tm-%TdT%TH:%TMZ\n' | sort | tail -n 1); load average $(cut -d' ' -f1-3 /proc/loadavg)"
defaults="1000 dataInfoIds x 10 subscriber clients, 10 publisher clients; 1 warm-up and 3 paced rounds"
defaults+=" (1000 changes over 10 s each), 2 burst rounds; 2 rounds of 20000 registrations on 10 clients"
echo "load: ${LOAD_ARGS:-RegistryLoad defaults: $defaults}"
for t in "${targets[@]}"; do
  mkdir -p "$run/$t"
  unshare --net "$0" --inside "$t" "$run/$t" &
  child=$!
  wait "$child"
  child=""
done
echo
figures=()
for t in "${targets[@]}"; do figures+=("$run/$t/figures.properties"); done
"${load_jvm[@]}" io.weft.bench.registry.load.SideBySide "${figures[@]}" > "$run/side-by-side.txt"
cat "$run/side-by-side.txt"
