"""The statistics' periodic job (registered in `StatsConfig.ready()`, run by `motcua worker`)."""

from __future__ import annotations

from typing import Any

from motcua.stats import partitions


def maintain_partitions() -> dict[str, Any]:
    """This month's and the next two months' partitions, DEFAULT emptied, snapshots built."""
    done = partitions.maintain(ahead=2)
    return {"created": done.created, "moved": done.moved, "months": [m.isoformat() for m in done.months]}
