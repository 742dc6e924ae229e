# The two commands a newcomer needs: `make run` and `make test`. Everything else is `kopmod ...`.
UV ?= $(shell command -v uv 2>/dev/null || echo "python3 -m uv")

.PHONY: run test sync uv lint fmt openapi ci bench

uv:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv

sync: uv
	$(UV) sync --all-packages --frozen

## Start the whole platform (embedded Postgres unless database URLs are configured). Ctrl-C stops it.
run: sync
	$(UV) run --frozen kopmod up $(if $(DEMO),--demo)

## Run the whole test suite against a real Postgres (KOPMOD_TEST_DATABASE_URL or embedded).
## Each suite runs in its own pytest process: every service's tests are a package named `tests`.
SUITES ?= shared/tests services/registry/tests services/financing/tests services/marketplace/tests \
	services/console/tests tests
test: sync
	@failed=""; for suite in $(SUITES); do \
	  echo "== pytest $$suite"; \
	  $(UV) run --frozen pytest $$suite $(ARGS) || failed="$$failed $$suite"; \
	done; \
	if [ -n "$$failed" ]; then echo "FAILED suites:$$failed"; exit 1; fi

lint: sync
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .
	$(UV) run --frozen mypy shared/src cli/src services/registry/src services/financing/src services/marketplace/src \
		services/console/src
	$(UV) run --frozen lint-imports

fmt: sync
	$(UV) run --frozen ruff check --fix .
	$(UV) run --frozen ruff format .

openapi: sync
	$(UV) run --frozen kopmod openapi

ci:
	bash .ci/run

## Every benchmark, figures printed (never in CI). `make bench SOAK=10` is the documented run.
bench: sync
	$(UV) run --frozen python bench/run.py $(if $(SOAK),--soak-minutes $(SOAK)) $(ARGS)
