"""The README's library example is executed, so it cannot drift from the code."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_paycore_example_runs_and_prints_what_it_claims() -> None:
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.DOTALL)
    example = next(block for block in blocks if "ProcessPayment" in block)
    claimed = re.search(r"# (Authorized .*)$", example, flags=re.MULTILINE)
    assert claimed is not None
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(example, "README.md", "exec"), {"__name__": "readme_example"})
    assert out.getvalue().strip() == claimed.group(1).strip()


def test_readme_test_card_table_matches_the_simulators_own() -> None:
    """The README copies banksim's table, which a banksim test keeps true to its code."""
    cards = README.parent / "src" / "banksim" / "TEST_CARDS.md"

    def table(text: str) -> list[str]:
        return [line for line in text.splitlines() if re.match(r"\| `\d{14,19}`", line)]

    assert table(README.read_text()) == table(cards.read_text())
    assert len(table(README.read_text())) >= 10
