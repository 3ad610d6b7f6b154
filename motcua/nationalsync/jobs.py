"""The national sync's periodic job (registered in `NationalSyncConfig.ready()`)."""

from __future__ import annotations

import dataclasses
from typing import Any

from motcua.nationalsync import delivery


def deliver() -> dict[str, Any]:
    """Send the due messages to the national portal, each dossier's in order."""
    return dataclasses.asdict(delivery.deliver_pending())
