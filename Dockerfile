# syntax=docker/dockerfile:1
# One image for the gateway and the bank simulator:
#   docker run IMAGE                       -> paygate serve --host 0.0.0.0 (port 8080)
#   docker run IMAGE banksim --host 0.0.0.0 --port 8081
# Built with the locked dependencies (uv.lock); the runtime stage holds only the venv.

FROM python:3.11-slim AS build
COPY --from=ghcr.io/astral-sh/uv:0.13.9 /uv /usr/local/bin/uv
ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PYTHON_DOWNLOADS=never
WORKDIR /app
# Dependencies first: this layer is rebuilt only when the lock file changes.
COPY pyproject.toml uv.lock README.md ./
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-install-project
COPY src ./src
COPY vendor ./vendor
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-editable

FROM python:3.11-slim
RUN useradd --system --uid 10001 --home-dir /data --create-home paygate
COPY --from=build /app/.venv /app/.venv
ENV PATH=/app/.venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PAYGATE_LOG_FORMAT=json
# Embedded mode (no PAYGATE_DATABASE_URL) keeps its SQLite file here.
WORKDIR /data
USER paygate
EXPOSE 8080 8081
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request as u; u.urlopen('http://127.0.0.1:8080/health', timeout=2)"]
ENTRYPOINT ["paygate"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080"]
