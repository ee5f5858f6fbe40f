# Developer entry points. Everything that needs a database goes through cmd/devdb (built into
# bin/devdb first), which runs the command against a private PostgreSQL cluster in .data/postgres
# (created on first use, started on demand, stopped afterwards) unless DATABASE_URL is set.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

GO         ?= go
PG         = $(GO) build -o bin/devdb ./cmd/devdb && bin/devdb
PKG        ?= ./...
TESTFLAGS  ?= -race -count=1
BENCH      ?= .
BENCHFLAGS ?= -benchmem
# An execution count (Nx), not a duration: with a duration, Go 1.26's fuzzing coordinator can fail a
# run that found nothing ("context deadline exceeded" as -fuzztime ends on a busy machine, golang/go#75804,
# fixed in Go 1.27); a count has no deadline to race.
FUZZTIME   ?= 40000x
BIN        := bin/hotline
# The release build: a static binary (no cgo) without local paths or symbol tables. The Dockerfile
# runs `make build`, so the image and CI build the same thing the same way.
BUILDFLAGS ?= -trimpath -ldflags='-s -w'

# Go files for gofmt: skip folders the go tool ignores too (.*, _*, testdata, vendor).
GOFILES := find . \( -name '.?*' -o -name '_*' -o -name testdata -o -name vendor \) -prune -o -type f -name '*.go' -print

.PHONY: help run demo screenshots test bench bench-load fuzz jobcheck-eval jobcheck-learn-eval lint vet vulncheck fmt-check fmt migrate build clean db-start db-stop db-url db-psql

help: ## Show this list
	@echo 'Usage: make TARGET [VAR=value]'
	@echo
	@awk 'BEGIN { FS = ":.*## " } /^[a-z][a-z-]*:.*## / { printf "  %-12s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)
	@echo
	@echo 'Variables: PKG=$(PKG)  TESTFLAGS="$(TESTFLAGS)"  BENCH=$(BENCH)'
	@echo '  PG_PORT (54329), PGDATA_DIR (.data/postgres): the private PostgreSQL cluster'
	@echo '  DATABASE_URL: use this server instead of the private cluster'

# A development data key, made on first use and passed explicitly, unless DATA_KEY or DATA_KEY_FILE
# is set. `hotline run` itself never makes one: production brings its own key.
DEV_KEY := .data/data.key
ifeq ($(strip $(DATA_KEY)$(DATA_KEY_FILE)),)
KEY_ENV := DATA_KEY_FILE=$(CURDIR)/$(DEV_KEY)
KEY_DEP := $(DEV_KEY)
endif

# make run talks to Telegram with a token, and starts the simulator (hotline demo) without one.
ifeq ($(strip $(TELEGRAM_BOT_TOKEN)$(TELEGRAM_BOT_TOKEN_FILE)),)
RUN_CMD := demo
else
RUN_CMD := run
endif

run: $(KEY_DEP) ## Run the bot; without TELEGRAM_BOT_TOKEN, the browser simulator (hotline demo)
	$(PG) exec -- env $(KEY_ENV) $(GO) run ./cmd/hotline $(RUN_CMD)

demo: $(KEY_DEP) ## Talk to the bot in a browser, no Telegram, on its own database (hotline_demo)
	$(PG) exec -- env $(KEY_ENV) $(GO) run ./cmd/hotline demo

$(DEV_KEY):
	@mkdir -p $(dir $@)
	@(umask 077 && head -c 32 /dev/urandom | base64 > $@.tmp) && mv $@.tmp $@
	@echo 'created a development data key in $@ (for this machine only: production sets its own DATA_KEY)'

screenshots: ## Redraw docs/screenshots (Chromium; fonts-noto-cjk fonts-khmeros fonts-noto-color-emoji)
	$(PG) exec -- $(GO) test -count=1 -run TestDemoScreenshots ./cmd/hotline -args -screenshots=$(CURDIR)/docs/screenshots

test: ## Run the tests with the race detector (PKG=./flows/... TESTFLAGS='-run X -v')
	$(PG) exec -- $(GO) test $(TESTFLAGS) $(PKG)

bench: ## Run the benchmarks (BENCH=regexp PKG=...)
	$(PG) exec -- $(GO) test -run '^$$' -bench '$(BENCH)' $(BENCHFLAGS) $(PKG)

bench-load: ## Load benchmark: throughput, latency, a 1,000-/sos burst, echo bot baseline (ARGS=-only=loop,burst)
	$(PG) exec -- $(GO) run ./cmd/benchload $(ARGS)

jobcheck-eval: ## Measure the job check on its labelled corpus, per language and kind (ARGS=-misses)
	$(GO) run ./jobcheck/cmd/eval $(ARGS)

jobcheck-learn-eval: ## Would a learned layer help? Rules vs rules+model, leave one split out (ARGS=-level -t 0.8 -v)
	$(GO) run ./jobcheck/cmd/learneval $(ARGS)

fuzz: ## Fuzz update conversion and command parsing, each for FUZZTIME (40000x: executions)
	for target in FuzzUpdate FuzzCommand; do \
		$(GO) test -run '^$$' -fuzz "^$$target\$$" -fuzztime $(FUZZTIME) ./bot; \
	done

lint: vet fmt-check ## go vet, gofmt check and golangci-lint (when installed)
	@if command -v golangci-lint >/dev/null 2>&1; then \
		echo 'golangci-lint run ./...'; golangci-lint run ./...; \
	else \
		echo 'note: golangci-lint is not installed; skipped it (https://golangci-lint.run/welcome/install/)'; \
	fi

vet: ## go vet
	$(GO) vet ./...

vulncheck: ## Known vulnerabilities in the code we call (govulncheck; needs vuln.go.dev)
	$(GO) run golang.org/x/vuln/cmd/govulncheck@v1.9.0 ./...

fmt-check: ## Fail, listing them, if Go files are not gofmt-formatted
	@files=$$($(GOFILES) | xargs -r gofmt -l); \
	if [[ -n $$files ]]; then \
		echo 'These files are not gofmt-formatted (fix: make fmt):'; \
		sed 's/^/  /' <<<"$$files"; \
		exit 1; \
	fi

fmt: ## Format Go files with gofmt
	$(GOFILES) | xargs -r gofmt -l -w

migrate: ## Apply database migrations (as MIGRATE_DATABASE_URL's role when set)
	$(PG) exec -- $(GO) run ./cmd/hotline migrate

build: ## Build bin/hotline: static (CGO_ENABLED=0), as the Dockerfile does
	CGO_ENABLED=0 $(GO) build $(BUILDFLAGS) -o $(BIN) ./cmd/hotline

clean: ## Remove build and coverage output (not the database: see db-stop)
	rm -rf bin coverage.out coverage.html

db-start: ## Start the private PostgreSQL and keep it running
	@$(PG) start

db-stop: ## Stop the private PostgreSQL
	@$(PG) stop

db-url: ## Print the DATABASE_URL the targets above use
	@$(PG) url

db-psql: ## Open psql on the database
	$(PG) exec -- sh -c 'exec psql "$$DATABASE_URL"'
