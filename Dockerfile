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
RUN ./mvnw -B -q -DskipTests package \
 && java -Djarmode=tools -jar target/social-ticker-*.jar extract --layers --launcher --destination /app

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
# ticker.store.dir (default "data", relative to /app): the file store, a volume so counts survive a
# new container; owned by the service user, who writes it.
RUN mkdir -p /app/data && chown ticker:ticker /app/data
VOLUME /app/data
USER ticker
EXPOSE 8080
# Probes: /actuator/health/liveness and /actuator/health/readiness.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
