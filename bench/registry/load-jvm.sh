# Sourced by run.sh and profile.sh, with $root set to the repository: the JVM of the load program
# (io.weft.bench.registry.load), with the official client's jars (bench/target/registry-client) and the load jar on
# its class path. Both scripts drive the client the same way, so that their figures compare.
load_jar=$(ls "$root"/bench/target/bench-*-registry-load.jar 2>/dev/null | head -n 1)
load_jvm=(java -Xms256m -Xmx1g -XX:+UseG1GC
  --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/java.util=ALL-UNNAMED
  --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED
  -cp "$root/bench/target/registry-client/*:$load_jar")
