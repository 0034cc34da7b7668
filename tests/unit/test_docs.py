"""The README and docs/ stay true: no dead relative link or anchor, nothing that points
outside the repository, the API reference generated from the current OpenAPI document,
the guide's quickstart the README's (which a test runs), every setting documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from entrypoints.http.openapi.reference import render
from entrypoints.runtime.api_reference import served_document

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
# Not the repository's own docs: environments (the benchmark's deployed one too), caches.
SKIPPED_DIRS = {".git", ".venv", ".bench-venv", "node_modules", "test-artifacts", ".pytest_cache"}
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"```.*?```", flags=re.DOTALL)


def markdown_files() -> list[Path]:
    return sorted(
        path for path in ROOT.rglob("*.md") if not SKIPPED_DIRS & set(path.relative_to(ROOT).parts)
    )


def slug(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[`*_]", "", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    text = FENCE.sub("", path.read_text())
    return {slug(h) for h in re.findall(r"^#{1,6} (.+)$", text, flags=re.MULTILINE)}


def links(path: Path) -> list[str]:
    return LINK.findall(FENCE.sub("", path.read_text()))


def test_the_docs_exist_and_the_readme_links_into_them() -> None:
    for name in ("README.md", "getting-started.md", "api-reference.md", "API.md"):
        assert (DOCS / name).is_file(), name
    assert (DOCS / "operations.md").is_file()
    readme_links = links(ROOT / "README.md")
    for name in ("getting-started.md", "api-reference.md", "operations.md", "API.md"):
        assert f"docs/{name}" in readme_links, name


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_and_anchors_resolve(path: Path) -> None:
    for target in links(path):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target):  # http:, https:, mailto:
            continue
        file_part, _, anchor = target.partition("#")
        resolved = (path.parent / file_part).resolve() if file_part else path
        assert resolved.is_relative_to(ROOT), f"{path.name}: {target} leaves the repository"
        assert resolved.exists(), f"{path.name}: dead link {target}"
        if anchor and resolved.suffix == ".md":
            assert anchor in anchors(resolved), f"{path.name}: no heading #{anchor} in {target}"


def test_nothing_points_to_documents_outside_the_repository() -> None:
    for path in markdown_files():
        text = path.read_text()
        assert "shared docs" not in text, path
        assert "../shared" not in text, path


def test_the_api_reference_is_generated_from_the_current_document() -> None:
    expected = render(served_document())
    actual = (DOCS / "api-reference.md").read_text()
    assert actual == expected, (
        "docs/api-reference.md is stale: "
        "uv run python -m entrypoints.runtime.api_reference > docs/api-reference.md"
    )


def bash_quickstart(path: Path) -> str:
    blocks = re.findall(r"```bash\n(.*?)```", path.read_text(), flags=re.DOTALL)
    return next(block for block in blocks if "generate_access_token" in block)


def test_the_guides_quickstart_is_the_readmes() -> None:
    assert bash_quickstart(DOCS / "getting-started.md") == bash_quickstart(ROOT / "README.md")


def test_the_guides_test_cards_are_the_simulators() -> None:
    cards = (ROOT / "src" / "banksim" / "TEST_CARDS.md").read_text()
    guide = (DOCS / "getting-started.md").read_text()
    listed = re.findall(r"^\| `([0-9 ]{14,23})` \|", guide, flags=re.MULTILINE)
    assert len(listed) >= 5
    for number in listed:
        assert f"`{number.replace(' ', '')}`" in cards, number


def test_every_setting_is_in_the_operations_guide() -> None:
    source = (ROOT / "src" / "entrypoints" / "runtime" / "settings.py").read_text()
    names = set(re.findall(r"env\.\w+\(\"([A-Z_]+)\"", source))
    assert len(names) >= 15
    guide = (DOCS / "operations.md").read_text()
    for name in names:
        assert f"| `PAYGATE_{name}` |" in guide, name


def test_the_licence_is_mit_and_the_readme_says_so() -> None:
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    readme = (ROOT / "README.md").read_text()
    assert "## Licence" in readme and "[MIT licence](LICENSE)" in readme
