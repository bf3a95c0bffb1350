# One image recipe for every PhysForge application; pick the application with MODULE:
#   docker build --build-arg MODULE=data-service -t physforge/data-service .
# docker-compose.yml builds each service this way.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
ARG MODULE
RUN test -n "$MODULE" || (echo "set --build-arg MODULE=<module>, e.g. data-service" && false)
WORKDIR /app
COPY --from=build /src/${MODULE}/target/${MODULE}-0.1.0-SNAPSHOT.jar /app/app.jar
RUN useradd --system --uid 10001 physforge
USER physforge
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
