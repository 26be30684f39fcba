#!/usr/bin/env bash
# What the session -> data path costs a registration: one registry node from the built distribution, its session
# calling the node's own data server in-process (decision 0025) and over Bolt on loopback (dataInProcess=false)
# by turns, switched live through conf/io.weft.registry.session.cfg, with RegistryLoad's registration rounds (the
# official client, as in run.sh) after each switch. One JVM for both paths: the JIT, the heap and the machine's
# hour are the same for both, which separate runs on this shared machine are not. Builds nothing; prepare as
# run.sh's head says (its first two commands). Then, from the repository root:
#
#   bench/registry/data-path.sh [OUT_DIR]
#
#   TURNS      how many times each path is measured (default 3; the order alternates: in-process first, then wire
#              first, ...)
#   LOAD_ARGS  RegistryLoad arguments added to or overriding the defaults (2 rounds of 20 000 registrations on 10
#              clients a turn; the 2nd round counts)
# No root needed: the node takes its default ports on 127.0.0.1 (9600-9622), which must be free. OUT_DIR (default
# bench/target/registry-data-path/<time>) keeps each turn's load output and the node's home with its logs. Prints
# each turn's warm round and the medians by path. The node is stopped by its PID (trap). ~5 min.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$(realpath -m "${1:-$root/bench/target/registry-data-path/$(date -u +%Y%m%d-%H%M%S)}")
turns=${TURNS:-3}
# shellcheck source=load-jvm.sh
. "$here/load-jvm.sh"
# shellcheck source=one-node.sh
. "$here/one-node.sh"
for need in "$root/assembly/target/weft-standalone/bin/weft" "$root/bench/target/registry-client" "$load_jar"; do
  [ -e "$need" ] || { echo "data-path.sh: ${need:-the load jar} missing: prepare as run.sh's head says" >&2; exit 1; }
done
one_node_start data-path.sh "registry data path" "$out"
data_log="$out/home/logs/registry/data/registry-data.log"

attachments() { grep -c "attached in-process" "$data_log" 2>/dev/null || true; }
detachments() { grep -c " detached, " "$data_log" 2>/dev/null || true; }

# Switches the session's path and waits until the data server's log shows it took effect.
current=in-process # how the node starts
use_path() {
  local path=$1 before deadline
  [ "$path" = "$current" ] && return 0
  current=$path
  if [ "$path" = in-process ]; then before=$(attachments); else before=$(detachments); fi
  printf 'dataInProcess=%s\n' "$([ "$path" = in-process ] && echo true || echo false)" \
    > "$out/home/conf/io.weft.registry.session.cfg"
  deadline=$(( $(date +%s) + 30 ))
  while :; do
    if [ "$path" = in-process ]; then [ "$(attachments)" -gt "$before" ] && return 0
    else [ "$(detachments)" -gt "$before" ] && return 0; fi
    [ "$(date +%s)" -lt "$deadline" ] || { echo "data-path.sh: the session did not switch to $path in 30 s" >&2; return 1; }
    sleep 0.2
  done
}

results=()
for turn in $(seq 1 "$turns"); do
  if [ $((turn % 2)) = 1 ]; then order="in-process wire"; else order="wire in-process"; fi
  for path in $order; do
    use_path "$path" || exit 1
    sleep 2
    # shellcheck disable=SC2086
    "${load_jvm[@]}" io.weft.bench.registry.load.RegistryLoad --label "$path-$turn" \
      --discovery 127.0.0.1:9603 --pid-file "$pidfile" --out "$out/$path-$turn.properties" --registration-only true \
      --registration-rounds 2 ${LOAD_ARGS:-} > "$out/$path-$turn.out" 2>&1 \
      || { echo "data-path.sh: the load failed: see $out/$path-$turn.out" >&2; exit 1; }
    line=$(grep -E '^registrations' "$out/$path-$turn.out" | tail -n 1)
    echo "turn $turn, $path: $line"
    rate=$(sed -n 's/.* \([0-9]*\)\/s;.*/\1/p' <<< "$line")
    cpu=$(sed -n 's/.*server CPU a registration \([0-9.]*\) ms.*/\1/p' <<< "$line")
    results+=("$path $rate $cpu")
  done
done
echo
for path in in-process wire; do
  printf '%s\n' "${results[@]}" | awk -v p="$path" '$1 == p {print $2, $3}' | sort -n > "$out/$path.sorted"
  n=$(wc -l < "$out/$path.sorted")
  median_rate=$(awk -v m=$(( (n + 1) / 2 )) 'NR == m {print $1}' "$out/$path.sorted")
  median_cpu=$(awk '{print $2}' "$out/$path.sorted" | sort -n | awk -v m=$(( (n + 1) / 2 )) 'NR == m')
  echo "$path: median of $n turns: $median_rate registrations/s, server CPU a registration $median_cpu ms"
done
