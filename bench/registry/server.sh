#!/usr/bin/env bash
# Starts or stops one server under test, by PID, inside the caller's network namespace (run.sh makes one).
#
#   server.sh start weft DIR            Weft standalone from $WEFT_DIST, home DIR/home, default ports, default JVM options
#   server.sh start peer DIR [fast]     SOFARegistry 6.3.0 (registry-server-integration, all roles in one JVM);
#                                       "fast": its push debouncing cut to 10 ms
#   server.sh stop  weft|peer DIR       SIGTERM to the PID in the pid file, SIGKILL after 60 s; waits until gone
#   server.sh start cluster DIR         Weft's one-machine cluster (bin/registry-cluster: 3 meta, 2 data, 2 session),
#                                       homes under DIR/cluster; clients discover at 9603 (session1) and 9703 (session2)
#   server.sh start session2 DIR        that cluster's second session node alone (after a stop of it)
#   server.sh stop  cluster|session2 DIR  the whole cluster, or the second session node alone
#   server.sh start answer DIR          AnswerOnlySession: answers every registration at once and keeps nothing (the
#                                       client's own ceiling); from the load jar and the client's jars (bench/target)
#   server.sh stop  answer DIR
#   server.sh stop  upgrade DIR         an in-place upgrade of the running weft node's session: drops a copy of its
#                                       registry-session bundle with a higher version into deploy/ and returns once
#                                       the old session has closed its client port (the node keeps running)
#   server.sh start upgrade DIR         returns once the new session listens and /health/check answers
#   server.sh pidfile weft|peer|cluster|session2|answer|upgrade DIR  prints the pid file's path (cluster: session2's)
#
# "start" returns once the session's 9603 answers /health/check (and for the peer meta 9615 and data 9622 too).
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
WEFT_DIST=${WEFT_DIST:-$root/assembly/target/weft-standalone}
PEER_LIB=${PEER_LIB:-$here/peer/target/lib}
# The address the peer takes as its own: it refuses 127.x (TOOLCHAIN.md). run.sh puts it on lo in the namespace.
PEER_ADDRESS=${PEER_ADDRESS:-10.255.255.1}

[ $# -ge 3 ] || { sed -n '2,15p' "$0" >&2; exit 64; }
command=$1 kind=$2 dir=$3 mode=${4:-shipped}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

pidfile() {
  case "$kind" in
    weft|upgrade) echo "$dir/home/data/weft.pid" ;;
    peer) echo "$dir/peer.pid" ;;
    cluster|session2) echo "$dir/cluster/session2/data/weft.pid" ;;
    answer) echo "$dir/answer.pid" ;;
    *) echo "server.sh: unknown kind $kind" >&2; exit 64 ;;
  esac
}

alive() { # a PID that exists and is not a zombie
  [ -n "$1" ] && [ -r "/proc/$1/stat" ] && ! sed 's/^.*) //' "/proc/$1/stat" | grep -q '^Z'
}

healthy() { # $1 = base URL: 200 from /health/check with success in the body (both systems answer so)
  curl -sf -m 2 "$1/health/check" 2>/dev/null | grep -q '"success" *: *true'
}

await_healthy() { # $1 pid, $2.. base URLs; at most 240 s
  local pid=$1; shift
  local deadline=$(( $(date +%s) + 240 )) u ok
  while [ "$(date +%s)" -lt "$deadline" ]; do
    alive "$pid" || { echo "server.sh: $kind (pid $pid) exited while starting" >&2; return 1; }
    ok=1
    for u in "$@"; do healthy "$u" || { ok=0; break; }; done
    [ "$ok" = 1 ] && return 0
    sleep 0.1
  done
  echo "server.sh: $kind (pid $pid) not healthy within 240 s" >&2
  return 1
}

start_weft() {
  # The distribution's own JVM options (bin/weft's default) and roles (conf/weft.properties: standalone), unless
  # WEFT_ROLES names others; WEFT_SESSION_CONF, when set, is the session's configuration file
  # (conf/io.weft.registry.session.cfg, one key=value a line). Default ports: the namespace is private.
  mkdir -p "$dir/home/conf"
  [ -e "$dir/home/conf/weft.properties" ] || cp "$WEFT_DIST/conf/weft.properties" "$dir/home/conf/"
  if [ -n "${WEFT_ROLES:-}" ]; then
    sed -i "s/^weft.roles=.*/weft.roles=$WEFT_ROLES/" "$dir/home/conf/weft.properties"
  fi
  if [ -n "${WEFT_SESSION_CONF:-}" ]; then
    printf '%s\n' "$WEFT_SESSION_CONF" > "$dir/home/conf/io.weft.registry.session.cfg"
  fi
  env -u WEFT_JAVA_OPTS WEFT_ADMIN_PASSWORD=bench-secret "$WEFT_DIST/bin/weft" --home "$dir/home" start || return 1
  await_healthy "$(cat "$(pidfile)")" http://127.0.0.1:9603
}

start_cluster() {
  WEFT_ADMIN_PASSWORD=bench-secret "$WEFT_DIST/bin/registry-cluster" --base "$dir/cluster" start || return 1
  await_healthy "$(cat "$(pidfile)")" http://127.0.0.1:9603 http://127.0.0.1:9703
}

start_session2() {
  WEFT_ADMIN_PASSWORD=bench-secret "$WEFT_DIST/bin/weft" --home "$dir/cluster/session2" --role registry-session start \
    || return 1
  await_healthy "$(cat "$(pidfile)")" http://127.0.0.1:9703
}

start_peer() {
  local opts=(
    # The same heap settings as Weft's bin/weft default, so that RSS compares like with like.
    -Xms128m -Xmx1g -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError
    # Built for Java 8 (TOOLCHAIN.md).
    --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/java.util=ALL-UNNAMED
    --add-opens java.base/java.net=ALL-UNNAMED --add-opens java.base/java.nio=ALL-UNNAMED
    --add-opens java.base/sun.nio.ch=ALL-UNNAMED --add-opens java.base/java.lang.reflect=ALL-UNNAMED
    --add-opens java.base/java.util.concurrent=ALL-UNNAMED --add-opens java.base/java.math=ALL-UNNAMED
    # Its logs go to ~/logs/registry: a home of its own.
    -Duser.home="$dir/home"
    # In-memory H2 instead of MySQL; H2's web console (9630) on loopback only.
    -Dspring.profiles.active=dev -Dh2.bindAddress=127.0.0.1
  )
  if [ "$mode" = fast ]; then
    # The ~2 s of debouncing by design (6.3.0 defaults): data.server.notifyIntervalMillis 500,
    # session.server.dataChangeDebouncingMillis 1000 (max 3000), session.server.pushDataTaskDebouncingMillis 500.
    opts+=(-Ddata.server.notifyIntervalMillis=10
           -Dsession.server.dataChangeDebouncingMillis=10 -Dsession.server.dataChangeMaxDebouncingMillis=10
           -Dsession.server.pushDataTaskDebouncingMillis=10)
  fi
  mkdir -p "$dir/home"
  nohup java "${opts[@]}" -cp "$PEER_LIB/*" com.alipay.sofa.registry.server.integration.RegistryApplication \
    >> "$dir/peer.out" 2>&1 < /dev/null &
  echo $! > "$(pidfile)"
  await_healthy $! "http://$PEER_ADDRESS:9615" "http://$PEER_ADDRESS:9622" "http://$PEER_ADDRESS:9603"
}

start_answer() {
  local cp="$root/bench/target/registry-client/*:$(ls "$root"/bench/target/bench-*-registry-load.jar | head -n 1)"
  nohup java -Xms128m -Xmx1g -XX:+UseG1GC --add-opens java.base/java.lang=ALL-UNNAMED \
    --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.nio=ALL-UNNAMED \
    --add-opens java.base/sun.nio.ch=ALL-UNNAMED -cp "$cp" io.weft.bench.registry.load.AnswerOnlySession "$(pidfile)" \
    >> "$dir/answer.out" 2>&1 < /dev/null &
  echo $! > "$(pidfile)"
  await_healthy $! http://127.0.0.1:9603
}

session_log() { # how many lines of the node's registry-session.log match $1 (0 before the file exists)
  grep -c "$1" "$dir/home/logs/registry/session/registry-session.log" 2>/dev/null || true
}

upgrade_jar() { # the distribution's registry-session bundle with only its Bundle-Version raised: the deployer updates
  # a bundle to a higher version of the same symbolic name, in place
  local src work version raised
  src=$(ls "$WEFT_DIST"/system/io/weft/registry-session/*/registry-session-*.jar | head -n 1)
  work="$dir/upgrade-jar"
  rm -rf "$work" && mkdir -p "$work/x" || return 1
  (cd "$work/x" && jar xf "$src") || return 1
  mv "$work/x/META-INF/MANIFEST.MF" "$work/MANIFEST.MF"
  version=$(sed -n 's/^Bundle-Version: \([^\r]*\).*$/\1/p' "$work/MANIFEST.MF")
  case "$version" in
    *.*.*.*) raised="$version-upgrade" ;;
    *) raised="$version.upgrade" ;;
  esac
  sed -i "s/^Bundle-Version: [^\r]*/Bundle-Version: $raised/" "$work/MANIFEST.MF"
  jar --create --file "$work/registry-session-upgrade.jar" --manifest "$work/MANIFEST.MF" -C "$work/x" . || return 1
  echo "$work/registry-session-upgrade.jar"
}

stop_upgrade() {
  local jar closed deadline
  jar=$(upgrade_jar) || { echo "server.sh: could not build the upgrade jar" >&2; return 1; }
  closed=$(session_log 'client port .* closed')
  session_log 'listening for registry clients' > "$dir/upgrade.listening"
  cp "$jar" "$dir/home/deploy/" || return 1
  deadline=$(( $(date +%s) + 60 ))
  until [ "$(session_log 'client port .* closed')" -gt "$closed" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "server.sh: the old session did not stop within 60 s" >&2; return 1; }
    sleep 0.02
  done
}

start_upgrade() {
  local before deadline
  before=$(cat "$dir/upgrade.listening" 2>/dev/null || echo 0)
  deadline=$(( $(date +%s) + 60 ))
  until [ "$(session_log 'listening for registry clients')" -gt "$before" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "server.sh: the new session did not listen within 60 s" >&2; return 1; }
    sleep 0.02
  done
  await_healthy "$(cat "$(pidfile)")" http://127.0.0.1:9603
}

stop_pid() {
  local pid
  pid=$(cat "$(pidfile)" 2>/dev/null) || return 0
  alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null
  local deadline=$(( $(date +%s) + 60 ))
  while alive "$pid"; do
    if [ "$(date +%s)" -ge "$deadline" ]; then kill -KILL "$pid" 2>/dev/null; fi
    sleep 0.05
  done
}

case "$command" in
  start) "start_$kind" ;;
  stop)
    case "$kind" in
      upgrade) stop_upgrade; exit $? ;;
      weft) "$WEFT_DIST/bin/weft" --home "$dir/home" stop ;;
      session2) "$WEFT_DIST/bin/weft" --home "$dir/cluster/session2" stop ;;
      cluster) "$WEFT_DIST/bin/registry-cluster" --base "$dir/cluster" stop ;;
    esac
    stop_pid ;;
  pidfile) pidfile ;;
  *) sed -n '2,15p' "$0" >&2; exit 64 ;;
esac
