# The two commands of the README: `make run` and `make test`. Each brings what it needs:
# uv is installed with pip when missing, then the locked environment is synced.
UV := $(shell command -v uv 2>/dev/null || echo python3 -m uv)

.PHONY: setup run test lint

setup:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 \
		|| python3 -m pip install --quiet --disable-pip-version-check uv
	$(UV) sync --frozen

run: setup
	$(UV) run paygate serve

test: setup
	$(UV) run pytest --cov=paycore --cov-branch --cov-report=term-missing:skip-covered \
		--cov-fail-under=100

lint: setup
	$(UV) run ruff check .
	$(UV) run ruff format --check .
	$(UV) run mypy
	$(UV) run lint-imports
