#!/bin/bash
# Docker HEALTHCHECK for the platform's images. The aspnet base image has no curl or wget, so this sends one
# HTTP/1.0 GET over bash's /dev/tcp and is healthy only on a 200 (a ready check that fails answers 503).
#   HEALTH_PORT (8080, the image's port)   HEALTH_PATH (/health/ready)
exec 3<>"/dev/tcp/127.0.0.1/${HEALTH_PORT:-8080}" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "${HEALTH_PATH:-/health/ready}" >&3
IFS= read -r -t 5 status <&3 || exit 1
case "$status" in
  *" 200 "*) exit 0 ;;
  *) exit 1 ;;
esac
