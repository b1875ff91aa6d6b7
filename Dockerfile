# syntax=docker/dockerfile:1
# The web app (UI, API, migrations). Build: docker build -t fleet-dashboard .   Run it with docker-compose.yml.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# global.json is left out on purpose: it pins the SDK feature band used for development, and the SDK image
# ships its own band; any 10.0 SDK builds this.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Dashboard.Core/Dashboard.Core.csproj src/Dashboard.Core/
COPY src/Dashboard.LocalPostgres/Dashboard.LocalPostgres.csproj src/Dashboard.LocalPostgres/
COPY migrations/Dashboard.Migrations/Dashboard.Migrations.csproj migrations/Dashboard.Migrations/
COPY src/Dashboard.Web/Dashboard.Web.csproj src/Dashboard.Web/
# Restore alone first, so this layer is reused until a project file or package version changes.
RUN dotnet restore src/Dashboard.Web/Dashboard.Web.csproj
COPY src/ src/
COPY migrations/ migrations/
RUN dotnet publish src/Dashboard.Web/Dashboard.Web.csproj -c Release --no-restore -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The image's unprivileged user; Kestrel listens on 8080 (ASPNETCORE_HTTP_PORTS, the image default).
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
# Arguments after the image name are app arguments: `create-admin --email X`, `seed --devices N`.
ENTRYPOINT ["dotnet", "Dashboard.Web.dll"]
