# syntax=docker/dockerfile:1
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Aggregator.Core/Aggregator.Core.csproj src/Aggregator.Core/
COPY src/Aggregator/Aggregator.csproj src/Aggregator/
# Published for the image's runtime, so it is compiled ahead of time (ReadyToRun; see src/Aggregator/Aggregator.csproj).
ARG TARGETARCH
RUN echo "linux-$(case "${TARGETARCH:-amd64}" in amd64) echo x64;; *) echo "$TARGETARCH";; esac)" > /tmp/rid \
 && dotnet restore src/Aggregator/Aggregator.csproj -r "$(cat /tmp/rid)"
COPY src/ src/
RUN dotnet publish src/Aggregator/Aggregator.csproj -c Release -r "$(cat /tmp/rid)" --self-contained false --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY config/ /etc/aggregator/
# The console listens on every interface of the container (the bundled config reads this variable); it
# always asks for a sign-in: set AGGREGATOR_CONSOLE_TOKEN, or use the one-time link the worker logs.
ENV AGGREGATOR_CONFIG=/etc/aggregator \
    AGGREGATOR_CONSOLE_LISTEN=0.0.0.0:8080 \
    DOTNET_gcServer=0
# State (SQLite, mail pickup) lives under /app/data; config is mounted read-only.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
VOLUME ["/etc/aggregator", "/app/data"]
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
  CMD ["dotnet", "aggregator.dll", "health"]
ENTRYPOINT ["dotnet", "aggregator.dll"]
CMD ["run"]
