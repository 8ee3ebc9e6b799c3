# syntax=docker/dockerfile:1
# Build: docker build -t social-ticker .
# Run:   docker run -p 8080:8080 -v ticker-data:/app/data social-ticker
#        (add -p 8081:8081 for health and metrics from outside the container: docs/container.md)

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# Dependencies first, so a source change does not download the world again.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY frontend frontend
# The built-in providers are packaged into the jar from here.
COPY routes routes
# Extracted (application.jar + lib/), the layout the JVM's AOT cache works with. The formatting
# check is CI's job (./mvnw verify): skipped here, so the image does not fetch the formatter.
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package \
 && java -Djarmode=tools -jar target/social-ticker-*.jar extract --layers --destination /app \
      --application-filename application.jar

# The runtime is Java 25 (the jar is Java 17 bytecode, built and unit-tested on 17 above) for its AOT
# cache (JEP 483/514/515). CI runs this same jar under a Java 25 JVM with the same options and an
# AOT cache made the same way (ShippedRuntimeIT).
FROM eclipse-temurin:25-jre
RUN groupadd --system ticker && useradd --system --gid ticker --home-dir /app ticker
WORKDIR /app
COPY --from=build /app/dependencies/ ./
COPY --from=build /app/spring-boot-loader/ ./
COPY --from=build /app/snapshot-dependencies/ ./
COPY --from=build /app/application/ ./
# ticker.routes.dir (default "routes", relative to /app): copies of the built-in providers, to read
# and to replace; mount your own provider files here.
COPY routes/*.camel.yaml ./routes/
# The JVM options, one file shared with CI and the benchmark (src/main/docker/jvm.options).
COPY src/main/docker/jvm.options ./
# AOT cache: a training run that stops once the application context is up records the classes it
# loaded and linked and the methods' profiles; every start then maps them instead of loading and
# linking them again (start-up in docs/performance.md: about 2 s sooner than Java 17 with AppCDS).
# Made here, by the runtime image's own JVM and with the service's own options, as the cache requires.
# Both servers on ports the system picks, so the training run needs no free 8080 or 8081
# (ShippedRuntimeIT repeats it on a build machine).
RUN java @jvm.options -XX:AOTCacheOutput=application.aot -Dspring.context.exit=onRefresh -jar application.jar \
      --server.port=0 --management.server.port=0 --ticker.store.type=memory
# ticker.store.dir (default "data", relative to /app): the file store, a volume so counts survive a
# new container; owned by the service user, who writes it.
RUN mkdir -p /app/data && chown ticker:ticker /app/data
VOLUME /app/data
USER ticker
# Two ports, two audiences. 8080 (server.port): Camel's Vert.x HTTP server, the page, the screen and
# /api/**, for readers and a cache or load balancer in front. 8081 (management.server.port): Spring
# Boot's management server, /actuator/** (health, the probes, the Prometheus scrape), for the
# orchestrator and Prometheus only; publish it no further than they need. Change them with the
# environment variables SERVER_PORT and MANAGEMENT_SERVER_PORT (the HEALTHCHECK reads the latter);
# a port already in use stops start-up with a line naming its property.
EXPOSE 8080 8081
# Probes: /actuator/health/liveness and /actuator/health/readiness, on the management port.
# Docker's health status follows readiness: 200 {"status":"UP"} once Camel's routes serve the API,
# 503 before that and while shutting down. curl and wget are not promised by the JRE image (and
# adding one just for this grows the image), so bash, always there in this Ubuntu image, speaks
# HTTP/1.0 over its /dev/tcp redirection and checks the status line. MANAGEMENT_SERVER_PORT, if the
# container sets it, is the port the actuator listens on, and so the one probed (8081 otherwise, as
# application.yaml sets it); a --management.server.port argument is not seen here, so set the port
# by the variable. The probe goes to 127.0.0.1: a management.server.address, if set, must be
# 127.0.0.1 or 0.0.0.0. read -t 4 ends a silent server's check before Docker's 5 s timeout; the
# rest of the answer is read (up to the close that HTTP/1.0 asks for) so the server never writes to
# a closed socket. .ci/test-healthcheck runs this very command against test servers (200, 503,
# nothing listening, no answer; the port from MANAGEMENT_SERVER_PORT and by default, never from
# SERVER_PORT).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${MANAGEMENT_SERVER_PORT:-8081} && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && IFS= read -r -t 4 status <&3 && { IFS= read -r -d '' -t 1 _ <&3; [[ $status == 'HTTP/1.'[01]' 200'* ]]; }"]
# The options are in jvm.options (memory: a small fixed heap and the serial collector; add or
# override with JAVA_TOOL_OPTIONS, e.g. -Xmx256m). Should the AOT cache not match the JVM (it
# always does in this image), the JVM starts without it, only slower.
ENTRYPOINT ["java", "@jvm.options", "-XX:AOTCache=application.aot", "-jar", "application.jar"]
