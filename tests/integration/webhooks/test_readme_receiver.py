"""The README's webhook receiver, run as written, accepts real signed deliveries and
refuses a tampered one."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx

from entrypoints.runtime.embedded_bank import free_port
from tests.integration.webhooks.harness import hooks
from tests.unit.adapters.builders import new_id
from tests.webhook_rows import deliveries_of, event, record_event

README = Path(__file__).resolve().parents[3] / "README.md"


def receiver_code() -> str:
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.DOTALL)
    [code] = [block for block in blocks if "verify_webhook" in block]
    assert len(code.splitlines()) <= 25
    return code


def start_receiver(tmp_path: Path, port: int, secret: str) -> subprocess.Popen[bytes]:
    script = tmp_path / "receiver.py"
    script.write_text(receiver_code())
    env = os.environ | {"PORT": str(port), "PAYGATE_WEBHOOK_SECRET": secret}
    out = (tmp_path / "receiver.out").open("wb")
    process = subprocess.Popen(
        [sys.executable, str(script)], env=env, stdout=out, stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(f"http://127.0.0.1:{port}/", timeout=1)
            return process
        except httpx.TransportError:
            assert process.poll() is None and time.monotonic() < deadline, (
                tmp_path / "receiver.out"
            ).read_text()
            time.sleep(0.05)


async def test_the_readme_receiver_verifies_real_deliveries(sqlite_db, tmp_path) -> None:
    m, port = new_id(), free_port()
    async with hooks(sqlite_db) as h:
        created = await h.register(m, {"url": f"http://127.0.0.1:{port}/paygate", "events": ["*"]})
        process = start_receiver(tmp_path, port, created.secret)
        try:
            events = [event(m), event(m)]
            for e in events:
                await record_event(sqlite_db, e)

            async def delivered() -> bool:
                return {d[3] for d in await deliveries_of(sqlite_db)} == {"delivered"}

            await h.run_until(delivered)
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
                forged = await client.post(
                    "/paygate",
                    content=b'{"id": "evt_forged"}',
                    headers={"Paygate-Signature": f"t={int(time.time())},v1={'0' * 64}"},
                )
                unsigned = await client.post("/paygate", content=b"{}")
        finally:
            process.terminate()
            process.wait(10)

    assert (forged.status_code, unsigned.status_code) == (400, 400)
    printed = (tmp_path / "receiver.out").read_text()
    for e in events:
        assert f"{e.id} payment.authorized {e.payment.id}" in printed
    assert "evt_forged" not in printed
