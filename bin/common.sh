# Shared by the launchers in this directory; sourced, not run.
# Finds the repository, builds the jars once if they are missing, and picks the java binary.

S4J_HOME=$(cd "$(dirname "$0")/.." && pwd)
S4J_JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
S4J_DAEMON_JAR="$S4J_HOME/daemon/target/supervisor4j-daemon.jar"
S4J_CTL_JAR="$S4J_HOME/ctl/target/supervisor4j-ctl.jar"

# Builds everything once if the given jar is missing; later runs find it and start at once.
s4j_build_if_missing() {
  if [ ! -f "$1" ]; then
    echo "supervisor4j: building the jars (first run only)..." >&2
    (cd "$S4J_HOME" && mvn -B -q -DskipTests package) >&2 || {
      echo "supervisor4j: the build failed; run 'mvn -B package' in $S4J_HOME to see why" >&2
      exit 1
    }
  fi
}

s4j_daemon_classpath() {
  echo "$S4J_DAEMON_JAR:$S4J_HOME/daemon/target/lib/*"
}
