"""axe-core finds nothing on the compliance documents as HTML, in German and English, for
the default configuration and for a remote provider abroad (every table and list filled)."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli_w
from playwright.async_api import Page

from klarchat.compliance.documents import DOCUMENTS
from tests.browser.conftest import axe_violations, describe_violations
from tests.integration.test_cli_config import run
from tests.integration.test_compliance_docs import remote_config

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def html_docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both configurations' HTML documents, by "<config>/<file name>"."""
    written = {}
    for name, config in (("default", {}), ("remote", remote_config())):
        where = tmp_path_factory.mktemp(f"html-{name}")
        (where / "klarchat.toml").write_text(tomli_w.dumps(config), encoding="utf-8")
        result = run("docs", "--format", "html", "--out", "out", cwd=where)
        assert result.returncode == 0, result.stderr
        written.update({f"{name}/{path.name}": path for path in (where / "out").iterdir()})
    return written


@pytest.mark.parametrize("config", ["default", "remote"])
@pytest.mark.parametrize("lang", ["de", "en"])
async def test_compliance_documents_have_no_axe_violations(
    page: Page, html_docs: dict[str, Path], config: str, lang: str
) -> None:
    for document in DOCUMENTS:
        path = html_docs[f"{config}/{document.filename(lang, 'html')}"]
        await page.goto(path.as_uri())
        assert await page.get_attribute("html", "lang") == lang
        assert await page.locator("main h1").count() == 1
        violations = await axe_violations(page)
        assert violations == [], f"{path.name}:\n{describe_violations(violations)}"
