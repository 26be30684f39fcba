# One registry node from a copy of the built distribution, for the programs that measure a single node
# (profile.sh, data-path.sh). Source it (after load-jvm.sh), then call one_node_start once; it sets, for the caller:
#   out       the output directory (the node's home is $out/home)
#   server    server.sh, which started the node and stops it at exit (trap)
#   pidfile   the node's pid file
# WEFT_ROLES picks the node's roles (default registry-meta,registry-data,registry-session); WEFT_DIST the
# distribution (default assembly/target/weft-standalone).

# one_node_start PROGRAM TITLE OUT_DIR: prints TITLE's header line, starts the node, exits if it does not start.
one_node_start() {
  local program=$1 title=$2
  out=$3
  mkdir -p "$out"
  # A copy of the distribution, so that a rebuild of assembly/ during the run cannot change what is measured.
  cp -a "${WEFT_DIST:-$root/assembly/target/weft-standalone}" "$out/weft-standalone" || exit 1
  export WEFT_DIST="$out/weft-standalone"
  export WEFT_ROLES=${WEFT_ROLES:-registry-meta,registry-data,registry-session}
  server="$here/server.sh"
  pidfile=$("$server" pidfile weft "$out")
  trap '"$server" stop weft "$out" > /dev/null 2>&1' EXIT
  trap 'exit 130' INT TERM
  echo "$title: $(date); $(nproc) cores; $(java -version 2>&1 | head -n 1); roles $WEFT_ROLES;" \
       "weft $(git -C "$root" rev-parse --short HEAD 2>/dev/null); load average $(cut -d' ' -f1-3 /proc/loadavg);" \
       "output in $out"
  "$server" start weft "$out" || { echo "$program: the node did not start: see $out/home/logs" >&2; exit 1; }
}
