"""The portal's periodic job (registered in `PortalConfig.ready()`): abandoned held uploads."""

from __future__ import annotations

from typing import Any

from motcua.dossiers import held_uploads


def sweep_held_uploads() -> dict[str, Any]:
    """Delete files held for a failed submission longer than a session can live (issue #19)."""
    return {"removed": held_uploads.sweep()}
