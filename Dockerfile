# Multi-stage build: the SDK image builds, the ASP.NET runtime image runs as a non-root user.
#   docker build -t webmail .
#   docker compose up        (see docker-compose.yml: point it at your school's mail servers)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/WebMail.Client/WebMail.Client.csproj src/WebMail.Client/
COPY src/WebMail.Server/WebMail.Server.csproj src/WebMail.Server/
RUN dotnet restore src/WebMail.Server/WebMail.Server.csproj
COPY src/ src/
# Bootstrap's files are committed under wwwroot/lib (see README, "Bootstrap through LibMan"): no CDN is needed.
RUN dotnet publish src/WebMail.Server/WebMail.Server.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# The school directory (LDAP) is read through libldap, which the runtime image lacks (Ubuntu names it libldap2,
# Debian 12 libldap-2.5-0).
RUN apt-get update \
    && (apt-get install -y --no-install-recommends libldap2 || apt-get install -y --no-install-recommends libldap-2.5-0) \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# 9090 is the management port (readiness, metrics): publish it to the monitoring network only.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Management__Url=http://+:9090 \
    DOTNET_RUNNING_IN_CONTAINER=true
EXPOSE 8080 9090
# The image's built-in non-root user ("app").
USER $APP_UID
# The runtime image has no curl: the app's own binary probes its liveness endpoint.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["dotnet", "WebMail.Server.dll", "--healthcheck"]
ENTRYPOINT ["dotnet", "WebMail.Server.dll"]
