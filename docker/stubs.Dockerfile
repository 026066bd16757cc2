# The stubs image: every stub in one bundle (stubs/main.ts), run by name as the container's command,
# e.g. `docker run IMAGE plsp`. Built FROM the registry-free base image (docker/base-image.ts) with the classic
# builder and no pull; docker/stubs-image.ts stages the context (app/main.js + better-sqlite3) and passes BASE_IMAGE.
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
COPY app/ /app/
WORKDIR /app
ENV PATH=/usr/local/bin NODE_ENV=production HOST=0.0.0.0 PORT=8080
USER 1000:1000
EXPOSE 8080
LABEL org.opencontainers.image.title="lokalsvar-e2e stubs"
ENTRYPOINT ["/usr/local/bin/node", "--enable-source-maps", "/app/main.js"]
