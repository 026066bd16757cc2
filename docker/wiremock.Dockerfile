# WireMock between PLSP and the databanks in containers mode: the jar the npm package `wiremock` ships, run by the
# registry-free Java base image (docker/java-base-image.ts: this machine's Java at /opt/java). Built with the
# classic builder and no pull; docker/wiremock-image.ts stages the context (Dockerfile, wiremock.jar, an empty
# root-dir/ and archive-dir/) and passes BASE_IMAGE. The entrypoint is java; the container's command gives every argument, the same as
# in local mode (contracts/wiremock.ts, wiremockJavaArguments), with the jar and root dir of WIREMOCK_IMAGE_PATHS
# (docker/wiremock-image.ts), which the COPY lines below must match.
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
COPY wiremock.jar /wiremock.jar
# WireMock creates mappings/ and __files/ in its root dir at start: it must belong to the user it runs as.
COPY --chown=1000:1000 root-dir/ /tmp/wiremock/
# WireMock's class-data archive, written here by a first start once the image is built (docker/wiremock-class-archive.ts).
COPY --chown=1000:1000 archive-dir/ /opt/wiremock/
ENV LANG=C.UTF-8 JAVA_HOME=/opt/java PATH=/opt/java/bin
USER 1000:1000
EXPOSE 8080
LABEL org.opencontainers.image.title="lokalsvar-e2e wiremock"
ENTRYPOINT ["/opt/java/bin/java"]
