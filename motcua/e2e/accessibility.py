"""Accessibility check of a page in the browser tests: axe-core, from node_modules, never a CDN.

`assert_accessible(page)` injects the local axe.min.js (installed by scripts/install.sh test from
package-lock.json) and fails on any serious or critical violation, naming each rule and the
elements it found. One call per page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from playwright.sync_api import Page

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")


def violations(page: Page) -> list[dict[str, Any]]:
    """The serious and critical violations axe finds on the page as it is now."""
    if not AXE.exists():
        raise AssertionError(f"{AXE} is missing: run `sh scripts/install.sh test` (npm ci).")
    # add_script_tag with content runs as an inline script, which our CSP forbids; evaluate
    # the library in the page's main world instead (not subject to the page's CSP).
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;void 0;")
    results = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ["violations"]});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                        targets: v.nodes.slice(0, 5).map(n => n.target.join(" "))}));
    }""")
    return [v for v in results if v["impact"] in BLOCKING]


def assert_accessible(page: Page) -> None:
    found = violations(page)
    assert not found, f"{page.url}: " + "; ".join(
        f"{v['id']} ({v['impact']}: {v['help']}) at {', '.join(v['targets'])}" for v in found)
