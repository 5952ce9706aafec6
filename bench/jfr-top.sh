#!/usr/bin/env bash
# Where a server's CPU samples went, by library: the top frame of every jdk.ExecutionSample in a JFR recording.
#   bench/jfr-top.sh recording.jfr
set -euo pipefail
JFR=${JAVA_HOME:+$JAVA_HOME/bin/}jfr
"$JFR" print --events jdk.ExecutionSample "$1" | awk '
    /stackTrace = \[/ { top = 1; next }
    top == 1 {
        frame = $1; top = 0; total++
        if (frame ~ /^(com\.openai|okhttp3|okio|kotlin)/) group = "openai-java, OkHttp, Kotlin"
        else if (frame ~ /^(org\.jdbi|org\.postgresql|com\.zaxxer)/) group = "Jdbi, pgjdbc, HikariCP"
        else if (frame ~ /^(org\.eclipse\.jetty|io\.javalin|jakarta\.servlet)/) group = "Jetty, Javalin"
        else if (frame ~ /^com\.fasterxml\.jackson/) group = "Jackson"
        else if (frame ~ /^io\.jsonwebtoken/) group = "jjwt"
        else if (frame ~ /^(ch\.qos\.logback|org\.slf4j)/) group = "logging"
        else if (frame ~ /^io\.micrometer/) group = "Micrometer"
        else if (frame ~ /^dev\.todochat/) group = "todochat"
        else if (frame ~ /^(java\.|javax\.|jdk\.|sun\.)/) group = "JDK"
        else group = "other"
        count[group]++
    }
    END {
        for (g in count) printf "%5.1f %%  %s\n", 100 * count[g] / total, g
        printf "%d samples\n", total
    }' | sort -rn
