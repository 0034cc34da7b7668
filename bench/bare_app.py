"""The ceiling: a bare Litestar endpoint returning a small JSON object, nothing else."""

from litestar import Litestar, get


@get("/ping", sync_to_thread=False)
def ping() -> dict[str, str]:
    return {"status": "ok"}


def create_app() -> Litestar:
    return Litestar([ping], openapi_config=None)
