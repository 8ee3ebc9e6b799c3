# syntax=docker/dockerfile:1
# Build: docker build -t social-ticker .
# Run:   docker run -p 8080:8080 -v ticker-data:/app/data social-ticker

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
# Extracted (application.jar + lib/), the layout the JVM's class-data sharing works with. The
# formatting check is CI's job (./mvnw verify): skipped here, so the image does not fetch the formatter.
RUN ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package \
 && java -Djarmode=tools -jar target/social-ticker-*.jar extract --layers --destination /app \
      --application-filename application.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system ticker && useradd --system --gid ticker --home-dir /app ticker
WORKDIR /app
COPY --from=build /app/dependencies/ ./
COPY --from=build /app/spring-boot-loader/ ./
COPY --from=build /app/snapshot-dependencies/ ./
COPY --from=build /app/application/ ./
# ticker.routes.dir (default "routes", relative to /app): copies of the built-in providers, to read
# and to replace; mount your own provider files here.
COPY routes/*.camel.yaml ./routes/
# AppCDS: a training run that stops once the application context is up records the classes it
# loaded; every start then maps them instead of loading them (start-up 8.4-9.2 s -> 5.9-6.2 s in one
# run of src/test/bench/benchmark.sh). Made here, by the runtime image's own JVM, as the archive requires.
RUN java -XX:ArchiveClassesAtExit=application.jsa -Dspring.context.exit=onRefresh -jar application.jar \
      --server.port=0 --ticker.store.type=memory
# ticker.store.dir (default "data", relative to /app): the file store, a volume so counts survive a
# new container; owned by the service user, who writes it.
RUN mkdir -p /app/data && chown ticker:ticker /app/data
VOLUME /app/data
USER ticker
EXPOSE 8080
# Probes: /actuator/health/liveness and /actuator/health/readiness.
# Docker's health status follows readiness: 200 {"status":"UP"} once Camel's routes serve the API,
# 503 before that and while shutting down. curl and wget are not promised by the JRE image (and
# adding one just for this grows the image), so bash, always there in this Ubuntu image, speaks
# HTTP/1.0 over its /dev/tcp redirection and checks the status line. SERVER_PORT, if the container
# sets it, is the port the service listens on, and so the one probed. read -t 4 ends a silent
# server's check before Docker's 5 s timeout; the rest of the answer is read (up to the close that
# HTTP/1.0 asks for) so the server never writes to a closed socket. .ci/test-healthcheck runs this
# very command against test servers (200, 503, nothing listening, no answer).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT:-8080} && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && IFS= read -r -t 4 status <&3 && { IFS= read -r -d '' -t 1 _ <&3; [[ $status == 'HTTP/1.'[01]' 200'* ]]; }"]
# Memory: a small fixed heap and the serial collector fit one small service (RSS 254-268 MiB after
# a minute of full load, measured by src/test/bench/benchmark.sh, which uses these same flags;
# 2,000 sources fit too: docs/container.md "Sizing" gives the heap for more). Add or override flags with
# JAVA_TOOL_OPTIONS (e.g. -Xmx256m). If the heap is ever exhausted anyway, the JVM exits at once
# (ExitOnOutOfMemoryError) instead of limping on unresponsive: the orchestrator restarts it and the
# stored counts come back from the data volume.
ENTRYPOINT ["java", "-XX:SharedArchiveFile=application.jsa", "-XX:+UseSerialGC", "-Xms64m", "-Xmx128m", "-Xss512k", \
            "-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=48m", "-XX:+ExitOnOutOfMemoryError", \
            "-jar", "application.jar"]
