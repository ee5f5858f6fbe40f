# syntax=docker/dockerfile:1
#
# The Korean Desk hotline bot as a container image: one static binary on a distroless base, run as
# a non-root user, with no shell and no package manager in the image.
#
#   docker build -t hotline .
#   docker run --env-file hotline.env -p 8080:8080 hotline      # the bot (`hotline run`)
#   docker run --env-file hotline.env hotline migrate            # migrations only
#   docker run --env-file hotline.env hotline check              # configuration, DB, Bot API
#   docker run --rm hotline version
#
# This file cannot be built on the project's own machines (they have no container daemon), so CI
# does not build the image. Its build step is `make build`, which CI runs on every change
# (.ci/run), with the same flags: CGO_ENABLED=0 go build -trimpath -ldflags='-s -w'. Keep them
# the same: change the flags in the Makefile, never here.
#
# No HEALTHCHECK: Docker runs it inside the container, and a distroless image has no shell or curl
# to run it with. Point the orchestrator's probes at the HTTP endpoints instead (docs/operations.md):
# GET /healthz (200 when the database answers) and GET /metrics on METRICS_ADDR (port 9090), which
# must not be published to the internet; HTTP_ADDR (port 8080) serves only the webhook.

# Pin both images by digest in production (docker buildx imagetools inspect IMAGE prints it).
ARG GO_IMAGE=golang:1.26.8
ARG RUN_IMAGE=gcr.io/distroless/static-debian13:nonroot

FROM ${GO_IMAGE} AS build
WORKDIR /src
# Dependencies first, so that a code change does not download them again.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# A build context whose .git is a worktree pointer (git worktree) cannot be stamped; pass
# --build-arg GOFLAGS=-buildvcs=false there.
ARG GOFLAGS
RUN make build && go version -m bin/hotline | grep -q 'CGO_ENABLED=0'

FROM ${RUN_IMAGE}
# distroless/static has CA certificates (for api.telegram.org and a verify-full database) and
# time zones; the binary needs nothing else.
COPY --from=build /src/bin/hotline /usr/local/bin/hotline
# 65532 is distroless's "nonroot". The root file system can be mounted read-only: the bot writes
# nothing to disk when DATA_KEY (or DATA_KEY_FILE) is given, as production must.
USER 65532:65532
WORKDIR /home/nonroot
# Inside a container the HTTP listeners must not be loopback only.
ENV HTTP_ADDR=0.0.0.0:8080 \
    METRICS_ADDR=0.0.0.0:9090 \
    LOG_FORMAT=json
EXPOSE 8080 9090
# SIGTERM stops taking updates, answers those received and flushes the outbox: give it 30 s
# (docker stop -t 30; Kubernetes terminationGracePeriodSeconds: 30).
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/hotline"]
CMD ["run"]
