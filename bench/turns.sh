#!/usr/bin/env bash
# One command for the turn's cost (docs/benchmarks.md): for each scenario, pgbench with the SQL of one turn
# (bench/turn.sql), then the real server jar with the real OpenAI adapter against an OpenAI-compatible stub in
# another JVM (ModelPathBenchmark), and one table side by side.
#
#   bench/turns.sh [closed4] [closed64] [open200]       (default: all three)
#
# Settings (environment): DURATION measured seconds (20), WARMUP seconds (20), OPEN_RATE turns/s (200),
# OPEN_DELAY_MS model delay of the open loop (10000), TODOCHAT_TEST_DATABASE_URL (the local PostgreSQL),
# SERVER_CLASSPATH the server to measure (bootstrap/target/todochat.jar; another build's jar compares versions),
# SERVER_JAR another application with the same chat API instead (bench/spring-ai: the Spring AI comparison app),
# SERVER_JVM more options for the server's JVM (a profiler: -XX:StartFlightRecording=filename=/tmp/s.jfr),
# BUILD=0 to skip the build, JAVA_HOME.
set -euo pipefail
cd "$(dirname "$0")/.."

SCENARIOS=${*:-closed4 closed64 open200}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-20}
OPEN_RATE=${OPEN_RATE:-200}
OPEN_DELAY_MS=${OPEN_DELAY_MS:-10000}
DATABASE=${TODOCHAT_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
SERVER_CLASSPATH=${SERVER_CLASSPATH:-$PWD/bootstrap/target/todochat.jar}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
OUT=$(mktemp -d /tmp/todochat-bench.XXXXXX)

if ! command -v pgbench >/dev/null; then
    echo "pgbench is missing: installing Debian's postgresql-client (then postgresql-contrib)" >&2
    apt-get install -y -q postgresql-client >/dev/null || true
    command -v pgbench >/dev/null || apt-get install -y -q postgresql-contrib >/dev/null
fi
if [ "${BUILD:-1}" = 1 ]; then
    ./mvnw -B -ntp -q -DskipTests package
    ./mvnw -B -ntp -q -pl bootstrap -am test-compile dependency:build-classpath \
        -Dmdep.outputFile="$PWD/bootstrap/target/bench.cp" -Dmdep.includeScope=test
fi

# pgbench on a fresh database with todochat's schema (the jar's own migrations) and one conversation per client
pgbench_turns() {
    local clients=$1 db="todochat_pgbench_$$" base=${DATABASE%/*}
    psql -Atq "$DATABASE" -c "CREATE DATABASE $db" >/dev/null
    # the schema bench/turn.sql is written for: this build's migrations, whichever server is measured
    DATABASE_URL="$base/$db" "$JAVA" -cp "$PWD/bootstrap/target/todochat.jar" dev.todochat.bootstrap.Main migrate >/dev/null
    psql -Atq "$base/$db" -c "INSERT INTO conversations (user_id, id, title, created_at, updated_at)
        SELECT 'bench-' || c, md5('bench-' || c)::uuid, 'benchmark', now(), now()
        FROM generate_series(0, $clients - 1) c" >/dev/null
    pgbench -n -c "$clients" -j 2 -T "$((WARMUP / 2 + DURATION))" -f bench/turn.sql "$base/$db" 2>/dev/null \
        | sed -n 's/^tps = \([0-9.]*\).*/\1/p'
    psql -Atq "$DATABASE" -c "DROP DATABASE $db" >/dev/null
}

server_turns() {
    (cd bootstrap && TODOCHAT_TEST_DATABASE_URL="$DATABASE" "$JAVA" -Dbenchmark.server.classpath="$SERVER_CLASSPATH" \
        -Dbenchmark.server.jvm="${SERVER_JVM:-}" -Dbenchmark.server.jar="${SERVER_JAR:-}" "$@" -cp "target/test-classes:target/classes:$(cat target/bench.cp)" dev.todochat.cluster.ModelPathBenchmark \
        "${ARGS[@]}" 2>/dev/null)
}

field() { grep -o "$1=[^ ]*" "$2" | head -1 | cut -d= -f2 | sed 's/ms\/turn//'; }

printf '| scenario | pgbench turns/s | todochat turns/s | ratio | p50 | p95 | p99 | failures | statements / transactions per turn | server CPU per turn | connections busy (most) | connection hold p99 | RSS |\n'
printf '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n'
for scenario in $SCENARIOS; do
    log="$OUT/$scenario.txt"
    case $scenario in
        closed4) clients=4; ARGS=(4 0 "$WARMUP" "$DURATION"); xmx=2g ;;
        closed64) clients=64; ARGS=(64 0 "$WARMUP" "$DURATION"); xmx=2g ;;
        open200) clients=0; ARGS=(open "$OPEN_RATE" "$OPEN_DELAY_MS" "$WARMUP" "$DURATION"); xmx=640m ;;
        *) echo "unknown scenario $scenario (closed4, closed64, open200)" >&2; exit 2 ;;
    esac
    pgbench_tps="—"
    if [ "$clients" -gt 0 ]; then
        pgbench_tps=$(pgbench_turns "$clients")
    fi
    server_turns -Dbenchmark.server.xmx="$xmx" > "$log"
    tps=$(field 'turns/s' "$log")
    ratio="—"
    if [ -n "$pgbench_tps" ] && [ "$pgbench_tps" != "—" ] && [ -n "$tps" ]; then
        ratio=$(awk -v a="$tps" -v b="$pgbench_tps" 'BEGIN { printf "%.2f ×", a / b }')
    fi
    sql=$(grep -q 'statements=' "$log" && echo "$(field statements "$log") / $(field transactions "$log")" || echo "n/a")
    hold=$(grep -o 'hold p50=[^ ]* p99=[^ ]*' "$log" | sed 's/.*p99=//' || true)
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s ms | %s | %s | %s MB |\n' "$scenario" "$pgbench_tps" "$tps" \
        "$ratio" "$(field p50 "$log")" "$(field p95 "$log")" "$(field p99 "$log")" \
        "$(grep -o 'failures={[^}]*}' "$log" | tail -1 | cut -d= -f2-)" "$sql" "$(field server-cpu "$log")" \
        "$(grep -o 'busy<=[0-9]*' "$log" | cut -d= -f2)" "${hold:-n/a}" "$(field RSS "$log" | sed 's/MB//')"
done
echo "full output: $OUT" >&2
