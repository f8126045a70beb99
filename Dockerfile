# Outage Herald as a container: built with Maven on a JDK 17, run on a JRE 17 as a non-root user.
# README.md ("Running in Docker") shows how to build and run it; config/docker-compose.yml does it all.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY src ./src
# The README's build command, word for word (DockerfileTest checks). The image build skips the tests
# to stay quick; `docker build --target test .` runs them (the stage below), as they need nothing else.
# The cache mount (BuildKit, the default builder since Docker 23) keeps Maven's downloads between
# builds without putting them in a layer.
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests package

# The README's test command, for `docker build --target test .`; the default target below never runs it.
FROM build AS test
RUN --mount=type=cache,target=/root/.m2 mvn -B test

FROM eclipse-temurin:17-jre
# A fixed uid, so that a host folder mounted on /data can be given to it: chown 10001 ./data
RUN groupadd --system --gid 10001 herald \
 && useradd --system --uid 10001 --gid herald --home-dir /app --shell /usr/sbin/nologin herald \
 && mkdir -p /app/config /data \
 && chown herald:herald /data
WORKDIR /app
COPY --from=build /src/target/outage-herald.jar /app/outage-herald.jar
# The commented example is the default config; mount another and point HERALD_CONFIG at it, or set
# single values through the environment (docs/configuration.md lists them).
COPY config/herald.yaml /app/config/herald.yaml
ENV HERALD_DB_URL=jdbc:sqlite:/data/outage-herald.db \
    HERALD_HTTP_ENABLED=true \
    HERALD_HTTP_ADDRESS=0.0.0.0 \
    HERALD_HTTP_PORT=8080
VOLUME ["/data"]
EXPOSE 8080
USER herald
# A JRE image need not have curl or wget, and installing one only for this would add a package to keep
# patched: the probe is a small main class in the jar that GETs /healthz (port from HERALD_HTTP_PORT)
# and exits 0 on 200, else 1. A short-lived JVM with a 16 MB heap and the quick compiler costs well
# under a second of CPU every 30 s.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
  CMD ["java", "-Xmx16m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", "/app/outage-herald.jar", "net.outageherald.ops.HealthProbe"]
# Memory: the serial collector (one small service, no G1 remembered sets), two glibc arenas instead of one
# per core, and freed native memory (the JIT's compiler arenas after an outage) given back every second
# (a trim takes about 1 ms: 0.1 % of a core; every 5 s, as before, left 6 MB more at the peaks).
# Latency: no full collection because the classes an outage's first messages load cross the default 21 MB
# metaspace mark (MetaspaceSize), and the JIT's threads at nice 10, so that on a small CPU share alerts go
# before compilations (lowering a priority needs no privilege; the JVM still warns that raising one would).
ENV MALLOC_ARENA_MAX=2
# Exec form: java is PID 1 and gets SIGTERM from docker stop itself, which starts the orderly stop.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC", "-XX:+IgnoreUnrecognizedVMOptions", \
  "-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=1000", "-XX:MetaspaceSize=48m", \
  "-XX:ThreadPriorityPolicy=1", "-XX:CompilerThreadPriority=10", "-jar", "/app/outage-herald.jar"]
CMD ["run"]
