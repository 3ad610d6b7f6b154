"""The payments' periodic jobs (registered in `PaymentsConfig.ready()`, run by `motcua worker`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from typing import Any

from django.utils import timezone

from motcua.payments import services

log = logging.getLogger(__name__)


def settle() -> dict[str, Any]:
    """Settle the open orders whose notification was lost, by asking the platform."""
    done = services.settle_pending()
    return {"settled": len(done), "orders": done}


def reconcile_yesterday() -> dict[str, Any]:
    """The daily reconciliation of yesterday's payments; mismatches are in the job's result (the
    admin's list of successful or failed tasks) and in the log, without personal data."""
    day = timezone.localdate() - dt.timedelta(days=1)
    mismatches = services.reconcile(day)
    for mismatch in mismatches:
        log.warning("payment mismatch %s: order %s, dossier %s", mismatch.kind, mismatch.order_id,
                    mismatch.dossier_code)
    return {"day": day.isoformat(), "mismatches": [dataclasses.asdict(m) for m in mismatches]}
