#!/usr/bin/env bash
# Does an in-place update leave the old revision of a bundle loaded? Starts a node of the built distribution in a
# private network namespace, updates one bundle through deploy/ COUNT times (the same jar with its Bundle-Version
# raised), and after each update prints how many class loaders define CLASS once a full GC has run (jcmd GC.run,
# VM.classloaders show-classes=true): 1 means the old revisions were unloaded. The node is stopped by its pid file.
#
#   bench/upgrade/revisions.sh ROLES BUNDLE CLASS [COUNT] [HEAP_DUMP]       as root (unshare --net); JDK tools on PATH
#   e.g. bench/upgrade/revisions.sh standalone registry-session io.weft.registry.session.SessionServer 3
#        bench/upgrade/revisions.sh drm drm-server io.weft.drm.server.DrmDataNode 2 /tmp/drm.hprof
#
# HEAP_DUMP, if given, gets a jmap -dump:live of the node after the last update, to read for what keeps a loader.
# Builds nothing: run `mvn -B -o -q -DskipTests install` first (assembly/target/weft-standalone). About 15 s an update.
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
if [ "${1:-}" != --inside ]; then
  [ $# -ge 3 ] || { sed -n '2,13p' "$0" >&2; exit 64; }
  [ "$(id -u)" = 0 ] || { echo "revisions.sh: needs root for unshare --net" >&2; exit 1; }
  exec unshare --net "$0" --inside "$@"
fi
shift
roles=$1 bundle=$2 class=$3 count=${4:-2} dump=${5:-}
ip link set lo up || exit 1
work=$(mktemp -d /tmp/weft-revisions.XXXXXX)
cp -a "${WEFT_DIST:-$root/assembly/target/weft-standalone}" "$work/dist" || exit 1
home=$work/home
mkdir -p "$home/conf" && cp "$work/dist/conf/weft.properties" "$home/conf/"
sed -i "s/^weft.roles=.*/weft.roles=$roles/" "$home/conf/weft.properties"
env -u WEFT_JAVA_OPTS WEFT_ADMIN_PASSWORD=revisions "$work/dist/bin/weft" --home "$home" start || exit 1
pid=$(cat "$home/data/weft.pid")
trap '"$work/dist/bin/weft" --home "$home" stop > /dev/null; rm -rf "$work"' EXIT

loaders() { # $1: label
  jcmd "$pid" GC.run > /dev/null && sleep 1 && jcmd "$pid" GC.run > /dev/null
  local n
  n=$(jcmd "$pid" VM.classloaders show-classes=true | grep -cE "[[:space:]]${class//./\\.}[[:space:]]*$")
  echo "$1: $n class loader(s) define $class; RSS $(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 )) MiB"
}

loaders "before any update"
src=$(ls "$work"/dist/system/io/weft/"$bundle"/*/"$bundle"-*.jar 2>/dev/null | head -n 1)
[ -n "$src" ] || { echo "revisions.sh: no bundle $bundle in the distribution" >&2; exit 1; }
for i in $(seq 1 "$count"); do
  jar_dir=$work/jar$i
  mkdir -p "$jar_dir/x" && (cd "$jar_dir/x" && jar xf "$src") || exit 1
  mv "$jar_dir/x/META-INF/MANIFEST.MF" "$jar_dir/MANIFEST.MF"
  version=$(sed -n 's/^Bundle-Version: \([^\r]*\).*$/\1/p' "$jar_dir/MANIFEST.MF")
  sed -i "s/^Bundle-Version: [^\r]*/Bundle-Version: $version-update$i/" "$jar_dir/MANIFEST.MF"
  jar --create --file "$jar_dir/$bundle.jar" --manifest "$jar_dir/MANIFEST.MF" -C "$jar_dir/x" . || exit 1
  replaced=$(grep -c ' replaced, ' "$home/logs/deploy/deploy.log" 2>/dev/null)
  cp "$jar_dir/$bundle.jar" "$home/deploy/$bundle-update.jar"
  deadline=$(( $(date +%s) + 60 ))
  until [ "$(grep -c ' replaced, ' "$home/logs/deploy/deploy.log" 2>/dev/null)" -gt "$replaced" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "revisions.sh: update $i not done within 60 s (deploy.log)" >&2; exit 1; }
    sleep 0.2
  done
  sleep 5 # the updated bundle starts and settles
  loaders "after update $i"
done
[ -z "$dump" ] || { rm -f "$dump"; jmap "-dump:live,format=b,file=$dump" "$pid" > /dev/null && echo "heap dump: $dump"; }
