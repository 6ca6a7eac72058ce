# One image recipe for every app in the repository: docker build --build-arg PROJECT=Submitter.Service .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG PROJECT
WORKDIR /source
COPY . .
RUN dotnet publish "src/${PROJECT}/${PROJECT}.csproj" -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
ARG PROJECT
ENV APP_DLL=${PROJECT}.dll
WORKDIR /app
COPY --from=build /app .
COPY --chmod=755 deploy/healthcheck.sh /usr/local/bin/healthcheck
# The image's own unprivileged user (APP_UID, 1654): a compromised service cannot write outside what it is given.
USER $APP_UID
# Ready (bus and database) on the image's port; the simulator sets HEALTH_PATH to a route it serves.
HEALTHCHECK --interval=10s --timeout=6s --start-period=30s --retries=3 CMD ["/usr/local/bin/healthcheck"]
ENTRYPOINT ["sh", "-c", "exec dotnet \"$APP_DLL\""]
