#!/usr/bin/env bash
# Where a Weft registry node's CPU goes while it takes registrations: one node from the built distribution,
# RegistryLoad's registration rounds against it (the official client, as in run.sh), a JFR method profile of the
# node over the whole load, then the profile summed by frame (io.weft.bench.profile.CpuShares). Builds nothing;
# prepare as run.sh's head says (its first two commands). Then, from the repository root:
#
#   bench/registry/profile.sh [OUT_DIR]
#
#   WEFT_ROLES  the node's roles (default registry-meta,registry-data,registry-session; standalone for all of them)
#   LOAD_ARGS   RegistryLoad arguments added to or overriding the defaults (4 rounds of 20 000 registrations on 10
#               clients: --registration-rounds 4)
# No root needed: the node takes its default ports on 127.0.0.1 (9600-9622), which must be free. OUT_DIR (default
# bench/target/registry-profile/<time>) keeps profile.jfr, load.out, shares.txt and the node's home with its logs.
# The node is stopped by its PID (trap), also when the load fails. ~2 min.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$(realpath -m "${1:-$root/bench/target/registry-profile/$(date -u +%Y%m%d-%H%M%S)}")
# shellcheck source=load-jvm.sh
. "$here/load-jvm.sh"
# shellcheck source=one-node.sh
. "$here/one-node.sh"
bench_jar=$(ls "$root"/bench/target/bench-*.jar 2>/dev/null | grep -v -- '-registry-load.jar$' | head -n 1)
for need in "$root/assembly/target/weft-standalone/bin/weft" "$root/bench/target/registry-client" "$load_jar" "$bench_jar"; do
  [ -e "$need" ] || { echo "profile.sh: ${need:-the bench jars} missing: prepare as run.sh's head says" >&2; exit 1; }
done
java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
jcmd=${JAVA_HOME:-$java_home}/bin/jcmd
one_node_start profile.sh "registry profile" "$out"
pid=$(cat "$pidfile")
"$jcmd" "$pid" JFR.start name=profile settings=profile > /dev/null || exit 1
# shellcheck disable=SC2086
"${load_jvm[@]}" io.weft.bench.registry.load.RegistryLoad --label profile \
  --discovery 127.0.0.1:9603 --pid-file "$pidfile" --out "$out/figures.properties" --registration-only true \
  --registration-rounds 4 ${LOAD_ARGS:-} > "$out/load.out" 2>&1
status=$?
grep -E '^registrations' "$out/load.out"
"$jcmd" "$pid" JFR.stop name=profile filename="$out/profile.jfr" > /dev/null || exit 1
"$server" stop weft "$out" > /dev/null
[ $status -eq 0 ] || { echo "profile.sh: the load failed (exit $status): see $out/load.out" >&2; exit 1; }
echo
java -cp "$bench_jar" io.weft.bench.profile.CpuShares "$out/profile.jfr" | tee "$out/shares.txt"
