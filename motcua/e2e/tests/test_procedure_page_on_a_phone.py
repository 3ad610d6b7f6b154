"""A procedure page reads well on a phone: 1.013225 (the longest of the national catalog, 108,159 px
tall before) is under 15,000 px at 390 px wide, documents are cards, sections fold.

On the real catalog when settings.DATA_DIR has it (always in CI); otherwise on the longest
procedure of the built-in fixture, so the test never skips.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from motcua.catalog.importer import import_catalog
from motcua.e2e.accessibility import assert_accessible
from motcua.e2e.conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True)
REAL_FILE = Path(settings.DATA_DIR) / "catalog" / "procedures-2026-07.jsonl.gz"
FIXTURE = Path(__file__).resolve().parents[2] / "catalog" / "fixtures" / "demo_catalog.jsonl"
MAX_HEIGHT = 15_000


@pytest.fixture
def longest(transactional_db: Any, tmp_path: Path) -> str:
    """Import the page's procedure (real file: only that record, to keep the test quick); its code."""
    if REAL_FILE.exists():
        code = "1.013225"
        with gzip.open(REAL_FILE, "rt", encoding="utf-8") as lines:
            record = next(line for line in lines if json.loads(line)["ma_thu_tuc"] == code)
        source = tmp_path / "one.jsonl"
        source.write_text(record, encoding="utf-8")
    else:
        source = FIXTURE
        code = max((json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()),
                   key=lambda r: len(r["thanh_phan_ho_so"]))["ma_thu_tuc"]
    import_catalog(source, effective=dt.date(2025, 7, 1))
    return code


def test_procedure_page_is_short_enough_on_a_phone(new_page: Any, longest: str) -> None:
    page: Page = new_page(PHONE)
    page.goto(f"/catalog/{longest}/")
    expect(page.locator("h1")).to_be_visible()
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < MAX_HEIGHT, f"{longest}: {height} px"
    # The documents are cards (no header row shown), and every case but the first is folded.
    expect(page.locator("table.documents thead").first).to_have_css("position", "absolute")
    cases = page.locator("details.case")
    if cases.count() > 1:
        expect(cases.nth(1)).not_to_have_attribute("open", "")
    assert_accessible(page)
