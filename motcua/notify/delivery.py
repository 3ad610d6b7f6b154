"""Sending the outbox: claim with a lease, send through the channel's gateway, mark sent once.

What "exactly one message per event per channel" rests on (docs/notifications.md):

1. The outbox has one row per (event, channel) (a unique key), written in the event's transaction.
2. A worker claims rows in a short transaction: due rows (pending and due, or `sending` with a
   lease that ran out because their worker died), locked with `SELECT … FOR UPDATE SKIP LOCKED`
   on PostgreSQL (SQLite serialises the claim: its transactions take the write lock up front).
   The claim writes a fresh `claim_token` and `lease_until`.
3. Marking a row sent is a compare-and-set on that token (`commit`): a worker whose lease was
   taken over cannot mark it, and a row is marked sent once.
4. Each gateway calls `commit` at the point after which the message cannot be taken back:
   the sandbox in the same transaction as its record; SMTP after the message's data and before
   the final "." (a server discards a message whose data did not end, RFC 5321 §4.1.1.4), so a
   worker killed before the commit leaves no message at the server and one killed after it has
   handed the message over; HTTP gateways after the provider's answer, with an idempotency key
   the provider uses to ignore a repeat.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from motcua.notify.models import OutboxMessage, State

logger = logging.getLogger(__name__)

BATCH = 50
# deliver_due stops after this many rows; the next run (every minute) goes on.
MOST_PER_RUN = 5000


def lease_length() -> dt.timedelta:
    return dt.timedelta(seconds=int(settings.MOTCUA_NOTIFY["lease_seconds"]))


def retry_delay(attempts: int) -> dt.timedelta:
    """After a failed attempt: 30 s, 1, 2, 4 … minutes, at most 2 hours."""
    return min(dt.timedelta(seconds=30) * (2 ** max(attempts - 1, 0)), dt.timedelta(hours=2))


def claim(
    ids: Iterable[int] | None = None, limit: int = BATCH, now: dt.datetime | None = None
) -> list[OutboxMessage]:
    """Take up to `limit` due rows for this worker (a fresh token and lease on each)."""
    now = now or timezone.now()
    token = secrets.token_hex(16)
    lease = now + lease_length()
    due = Q(state=State.PENDING, next_attempt_at__lte=now) | Q(state=State.SENDING, lease_until__lt=now)
    with transaction.atomic():
        rows = OutboxMessage.objects.filter(due)
        if ids is not None:
            rows = rows.filter(pk__in=list(ids))
        rows = rows.order_by("pk")
        if connection.features.has_select_for_update_skip_locked:
            rows = rows.select_for_update(skip_locked=True, of=("self",))
        claimed = list(
            rows.select_related(
                "event__dossier__applicant",
                "event__dossier__receiving_agency",
                "event__dossier__version__procedure",
            )[:limit]
        )
        if not claimed:
            return []
        OutboxMessage.objects.filter(pk__in=[row.pk for row in claimed]).update(
            state=State.SENDING, claim_token=token, lease_until=lease, attempts=F("attempts") + 1
        )
    for row in claimed:
        row.state, row.claim_token, row.lease_until, row.attempts = (
            State.SENDING,
            token,
            lease,
            row.attempts + 1,
        )
    return claimed


class Outcome:
    """What a gateway reports per row; every write is a compare-and-set on the claim token."""

    def __init__(self) -> None:
        self.sent = 0
        self.retried = 0
        self.failed = 0

    def commit(
        self, row: OutboxMessage, provider_ref: str = "", also: Callable[[], Any] | None = None
    ) -> bool:
        """Mark `row` sent (and run `also` in the same transaction); False if our lease was taken over."""
        with transaction.atomic():
            changed = OutboxMessage.objects.filter(
                pk=row.pk, claim_token=row.claim_token, state=State.SENDING
            ).update(
                state=State.SENT,
                sent_at=timezone.now(),
                provider_ref=provider_ref[:200],
                lease_until=None,
                last_error="",
            )
            if changed and also is not None:
                also()
        if changed:
            self.sent += 1
            row.state = State.SENT
        return bool(changed)

    def fail(
        self, row: OutboxMessage, error: str, *, permanent: bool = False, was_committed: bool = False
    ) -> None:
        """The attempt failed: try again later (with a longer wait each time), or give up.

        `was_committed`: the gateway had already marked the row sent (SMTP commits before the final
        ".") and then heard a refusal: the row goes back from `sent`.
        """
        now = timezone.now()
        give_up = permanent or row.attempts >= int(settings.MOTCUA_NOTIFY["max_attempts"])
        # A server's answer may quote the address ("550 <…>: no such mailbox"): the admin shows it masked.
        error = error.replace(row.recipient, row.masked_recipient) if row.recipient else error
        values: dict[str, Any] = {"last_error": error[:2000], "lease_until": None}
        if give_up:
            values["state"] = State.FAILED
        else:
            values.update(state=State.PENDING, next_attempt_at=now + retry_delay(row.attempts))
        current = State.SENT if was_committed else State.SENDING
        changed = OutboxMessage.objects.filter(pk=row.pk, claim_token=row.claim_token, state=current).update(
            **values
        )
        if changed:
            if give_up:
                self.failed += 1
            else:
                self.retried += 1
        if was_committed and changed:
            self.sent -= 1
        row.state = values["state"]
        logger.warning("notification %s (%s) attempt %s failed", row.pk, row.channel, row.attempts)


def _render(rows: list[OutboxMessage]) -> None:
    """Write the subject and text of event rows on their first claim (in the applicant's language)."""
    from motcua.notify.messages import render

    for row in rows:
        if row.body or row.event is None:
            continue
        rendered = render(row.event, row.event.dossier, row.language)
        row.subject = rendered.subject
        row.body = rendered.body if row.channel == "email" else rendered.short
        OutboxMessage.objects.filter(pk=row.pk).update(subject=row.subject, body=row.body)


def _send(rows: list[OutboxMessage], outcome: Outcome) -> None:
    from motcua.notify.gateways import gateway_for

    _render(rows)
    by_channel: dict[str, list[OutboxMessage]] = defaultdict(list)
    for row in rows:
        by_channel[row.channel].append(row)
    for channel, group in by_channel.items():
        gateway = gateway_for(channel)
        try:
            gateway.send(group, outcome)
        except Exception as error:  # a gateway's bug or outage must not leave rows leased for nothing
            for row in group:
                if row.state == State.SENDING:
                    outcome.fail(row, f"{type(error).__name__}: {error}")


def deliver(ids: list[int]) -> dict[str, int]:
    """Send these rows if they are due (the task a transition enqueues after commit)."""
    outcome = Outcome()
    rows = claim(ids, limit=len(ids) or 1)
    if rows:
        _send(rows, outcome)
    return {"sent": outcome.sent, "retry": outcome.retried, "failed": outcome.failed}


def deliver_due() -> dict[str, int]:
    """Send every due row (retries, rows left by a worker that died): the periodic job."""
    outcome = Outcome()
    done = 0
    while done < MOST_PER_RUN:
        rows = claim(limit=BATCH)
        if not rows:
            break
        _send(rows, outcome)
        done += len(rows)
    return {"sent": outcome.sent, "retry": outcome.retried, "failed": outcome.failed}
