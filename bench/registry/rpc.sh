#!/usr/bin/env bash
# SOFARPC through the registry: Weft vs SOFARegistry 6.3.0. Unmodified SOFARPC 5.13 providers and consumers (each a
# JVM of its own) against each server in turn, each server in a private network namespace that has only lo:
# a new provider until every consumer lists it, an override://…?disabled=true written on the meta until every
# consumer dropped it (and its removal until it is back), and kill -9 of the provider until every consumer dropped
# it (RpcFailover). Prints the figures side by side. Builds nothing; prepare once, from the repository root:
#
#   mvn -B -o -q -DskipTests install                                      # the distribution, and the itest's
#                                                                         # Echo applications and SOFARPC class path
#   mvn -B -o -q -pl bench package                                        # bench/target/classes
#   mvn -B -q -f bench/registry/peer/pom.xml dependency:copy-dependencies # the peer (bench/registry/peer/target/lib)
#
# Then, as root (unshare --net):  bench/registry/rpc.sh [TARGET...], TARGET one of
#   weft-registry  Weft from assembly/target/weft-standalone, roles registry-meta,registry-data,registry-session
#   weft           the same with its default roles (standalone)
#   peer           SOFARegistry 6.3.0 with its shipped settings
#   peer-fast      SOFARegistry 6.3.0 with its push debouncing cut to 10 ms
# (default: weft-registry peer peer-fast). RPC_ARGS adds RpcFailover's --name value arguments (--rounds 5,
# --consumers 3, --override-wait-ms 10000). Output: bench/target/rpc-run/<time>/ (per target: rpc.out,
# figures.properties, the server's and the applications' logs; side-by-side.txt). About 3 min a target.
# Every process it starts is stopped by PID, never by name.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
apps_cp="$root/itest/target/sofarpc/*:$root/itest/target/test-classes"
bench_cp="$root/bench/target/classes"

if [ "${1:-}" = --inside ]; then
  target=$2 dir=$3
  ip link set lo up && ip addr add 10.255.255.1/32 dev lo || exit 1
  case "$target" in
    weft) kind=weft mode=default host=127.0.0.1 ;;
    weft-registry) kind=weft mode=default host=127.0.0.1; export WEFT_ROLES=registry-meta,registry-data,registry-session ;;
    peer) kind=peer mode=shipped host=10.255.255.1 ;;
    peer-fast) kind=peer mode=fast host=10.255.255.1 ;;
    *) echo "rpc.sh: unknown target $target" >&2; exit 64 ;;
  esac
  server="$here/server.sh"
  trap '"$server" stop "$kind" "$dir" > /dev/null 2>&1' EXIT
  trap 'exit 130' INT TERM
  echo "[$target] starting the server ($(date -u +%H:%M:%S))"
  "$server" start "$kind" "$dir" "$mode" || { echo "[$target] the server did not start: see $dir"; exit 1; }
  # shellcheck disable=SC2086
  java -cp "$bench_cp" io.weft.bench.registry.rpc.RpcFailover --label "$target" --registry "$host:9603" \
    --meta "http://$host:9615" --apps-cp "$apps_cp" --work "$dir/apps" --out "$dir/figures.properties" \
    ${RPC_ARGS:-} 2>&1 | tee "$dir/rpc.out"
  status=${PIPESTATUS[0]}
  echo "[$target] done, exit $status ($(date -u +%H:%M:%S))"
  exit "$status"
fi

[ "$(id -u)" = 0 ] || { echo "rpc.sh: needs root for unshare --net" >&2; exit 1; }
for need in "$root/assembly/target/weft-standalone/bin/weft" "$root/itest/target/sofarpc" \
            "$root/itest/target/test-classes/io/weft/itest/sofarpc/app/EchoConsumer.class" \
            "$bench_cp/io/weft/bench/registry/rpc/RpcFailover.class" \
            "$here/peer/target/lib/registry-server-integration-6.3.0.jar"; do
  [ -e "$need" ] || { echo "rpc.sh: $need is missing: prepare as the head of this script says" >&2; exit 1; }
done
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(weft-registry peer peer-fast)
run=$(realpath -m "${RUN_DIR:-$root/bench/target/rpc-run/$(date -u +%Y%m%d-%H%M%S)}")
mkdir -p "$run"
cp -a "${WEFT_DIST:-$root/assembly/target/weft-standalone}" "$run/weft-standalone" || exit 1
export WEFT_DIST="$run/weft-standalone"
echo "rpc bench: $(date); $(nproc) cores; $(java -version 2>&1 | head -n 1); weft $(git -C "$root" rev-parse --short HEAD 2>/dev/null);" \
     "load average $(cut -d' ' -f1-3 /proc/loadavg); output in $run"
child=""
trap '[ -n "$child" ] && kill -TERM "$child" 2>/dev/null && wait "$child" 2>/dev/null' EXIT
trap 'exit 130' INT TERM
for t in "${targets[@]}"; do
  mkdir -p "$run/$t"
  unshare --net "$0" --inside "$t" "$run/$t" &
  child=$!
  wait "$child"
  child=""
done
echo
figures=()
for t in "${targets[@]}"; do [ -f "$run/$t/figures.properties" ] && figures+=("$run/$t/figures.properties"); done
[ ${#figures[@]} -gt 0 ] || { echo "rpc.sh: no target produced figures" >&2; exit 1; }
java -cp "$bench_cp" io.weft.bench.registry.rpc.RpcFailover --table "${figures[@]}" | tee "$run/side-by-side.txt"
