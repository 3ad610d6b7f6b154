"""`motcua sync export`: the messages of a period as JSON lines (for a file upload or an audit)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

from motcua.nationalsync.models import OutboxMessage
from motcua.worktime.core import TZ


def lines(start: dt.date, end: dt.date) -> Iterator[str]:
    """One line per message whose change happened on a local day from `start` to `end` inclusive,
    in order per dossier (dossiers by code)."""
    since = dt.datetime.combine(start, dt.time.min, tzinfo=TZ)
    until = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=TZ)
    rows = (OutboxMessage.objects.filter(at__gte=since, at__lt=until).select_related("dossier")
            .order_by("dossier__code", "position"))
    for message in rows.iterator(chunk_size=500):
        yield json.dumps({
            "key": message.key,
            "service": message.service,
            "state": message.state,
            "body": message.body,
        }, ensure_ascii=False, sort_keys=True)
