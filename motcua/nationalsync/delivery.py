"""Send the outbox to the portal: in order per dossier, with retries and backoff.

`deliver_pending()` is a plain function: the job runner calls it periodically, and
`motcua sync deliver [--loop]` runs it from the command line. Delivery is at least once: a
sender killed after the portal accepted a message but before it recorded that sends it again
on restart, with the same `Idempotency-Key` header (`{dossier code}#{position}`), and the
portal's dossier sync is an upsert by MaHoSo. Nothing after a message of a dossier is sent
before that message is accepted.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from motcua.core.logs import exception_name
from motcua.nationalsync.models import MessageState, OutboxMessage

log = logging.getLogger(__name__)

# The longest wait between two attempts, whatever the number of failures.
MAX_BACKOFF = dt.timedelta(hours=6)


@dataclass
class Report:
    sent: int = 0
    failed_attempts: int = 0
    gave_up: int = 0
    errors: list[str] = field(default_factory=list)
    configured: bool = True


class DeliveryError(Exception):
    """The portal did not accept a message. `summary` is what logs and reports may show (the HTTP
    status, the portal's error code, the class of a network error); `detail` is the portal's own
    text, which may echo the personal data it was sent: kept only on the message for the admin."""

    def __init__(self, summary: str, detail: str = "") -> None:
        super().__init__(f"{summary}: {detail}" if detail else summary)
        self.summary = summary
        self.detail = detail


# A portal's error code as logs and reports may show it: a short token (-1, 42, E_FORMAT) with no
# 7 digits or more, even split by dots or dashes (an ID number has 9 or 12, a phone 10, a date 8:
# "0912.345.678"); anything else is "?".
_ERROR_CODE = re.compile(r"[A-Za-z0-9_.-]{1,20}")
_MAX_DIGITS = 6


def error_code(raw: str) -> str:
    """The portal's `error_code`, or "?" when it could be (or quote) personal data."""
    digits = sum(c.isdigit() for c in raw)
    return raw if _ERROR_CODE.fullmatch(raw) and digits <= _MAX_DIGITS else "?"


def backoff(attempts: int) -> dt.timedelta:
    """Wait before attempt `attempts + 1`: base × 2^(attempts − 1), at most MAX_BACKOFF."""
    base = dt.timedelta(seconds=settings.MOTCUA_SYNC_RETRY_SECONDS)
    return min(base * (2 ** max(attempts - 1, 0)), MAX_BACKOFF)


def post(message: OutboxMessage) -> None:
    """POST the message's body to the portal; raise DeliveryError unless it is accepted.

    Accepted: an HTTP 2xx whose JSON answer, if it has an `error_code`, says 0 (the portal's
    convention). The error kept is the status and the portal's message, never the body sent
    (it holds personal data).
    """
    data = json.dumps(message.body, ensure_ascii=False).encode("utf-8")
    headers = {"Content-Type": "application/json; charset=utf-8", "Idempotency-Key": message.key}
    if settings.MOTCUA_SYNC_TOKEN:
        headers["Authorization"] = f"Bearer {settings.MOTCUA_SYNC_TOKEN}"
    request = urllib.request.Request(settings.MOTCUA_SYNC_URL, data=data, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=settings.MOTCUA_SYNC_TIMEOUT_SECONDS) as response:
            answer = response.read(64 * 1024)
    except urllib.error.HTTPError as error:
        raise DeliveryError(f"HTTP {error.code}", error.read(500).decode("utf-8", "replace")) from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise DeliveryError(exception_name(error), str(error)) from None
    try:
        parsed = json.loads(answer) if answer.strip() else {}
    except ValueError:
        parsed = {}
    if isinstance(parsed, dict) and "error_code" in parsed and str(parsed["error_code"]) != "0":
        raw = str(parsed["error_code"])
        detail = str(parsed.get("message", ""))[:300]
        code = error_code(raw)
        # The admin's `last_error` keeps the raw code when the log's summary could not show it.
        kept = detail if code == raw else f"error_code {raw[:40]}: {detail}"
        raise DeliveryError(f"error_code {code}", kept)


def _due(now: dt.datetime) -> Q:
    return Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)


def _claim(dossier_id: int, now: dt.datetime) -> OutboxMessage | None:
    """The dossier's first unsent message, leased to this sender; None if it must wait.

    It waits when it is held by another sender, failed for good (an administrator resends
    it), or is not due yet. The lease is a compare-and-set, so two senders never both own it.
    """
    head = (OutboxMessage.objects.filter(dossier_id=dossier_id).exclude(state=MessageState.SENT)
            .order_by("position").first())
    if head is None or head.state == MessageState.FAILED:
        return None
    if head.next_attempt_at is not None and head.next_attempt_at > now:
        return None
    lease = now + dt.timedelta(seconds=settings.MOTCUA_SYNC_TIMEOUT_SECONDS * 3)
    taken = OutboxMessage.objects.filter(
        pk=head.pk, state=MessageState.PENDING
    ).filter(Q(leased_until__isnull=True) | Q(leased_until__lt=now)).update(leased_until=lease)
    if taken != 1:
        return None
    head.leased_until = lease
    return head


def _record_failure(message: OutboxMessage, error: DeliveryError, now: dt.datetime, report: Report) -> None:
    attempts = message.attempts + 1
    gave_up = attempts >= settings.MOTCUA_SYNC_MAX_ATTEMPTS
    OutboxMessage.objects.filter(pk=message.pk).update(
        attempts=attempts, last_error=str(error)[:2000], leased_until=None,
        next_attempt_at=now + backoff(attempts),
        state=MessageState.FAILED if gave_up else MessageState.PENDING,
    )
    report.failed_attempts += 1
    report.gave_up += int(gave_up)
    # The report (the command's output, the job's result) and the log: the status, never the
    # portal's text (it may quote the applicant's name or ID number back).
    report.errors.append(f"{message.key}: {error.summary}")
    log.warning("national sync: %s not accepted (attempt %d): %s", message.key, attempts, error.summary)


def deliver_dossier(dossier_id: int, report: Report, *, limit: int | None = None) -> None:
    """Send one dossier's due messages in order, stopping at the first one not accepted."""
    while limit is None or report.sent < limit:
        now = timezone.now()
        message = _claim(dossier_id, now)
        if message is None:
            return
        try:
            post(message)
        except DeliveryError as error:
            _record_failure(message, error, timezone.now(), report)
            return
        OutboxMessage.objects.filter(pk=message.pk).update(
            state=MessageState.SENT, sent_at=timezone.now(), attempts=message.attempts + 1,
            leased_until=None, last_error="",
        )
        report.sent += 1


def deliver_pending(*, limit: int | None = None) -> Report:
    """Send every due message (at most `limit`), each dossier's in order. Safe to run in parallel."""
    report = Report()
    if not settings.MOTCUA_SYNC_URL:
        report.configured = False
        return report
    now = timezone.now()
    dossiers = (OutboxMessage.objects.filter(state=MessageState.PENDING).filter(_due(now))
                .values_list("dossier_id", flat=True).order_by("dossier_id").distinct())
    for dossier_id in list(dossiers):
        deliver_dossier(dossier_id, report, limit=limit)
        if limit is not None and report.sent >= limit:
            break
    return report


def resend(messages: list[OutboxMessage]) -> int:
    """An administrator's "send again": failed messages become pending, due now."""
    ids = [m.pk for m in messages if m.state == MessageState.FAILED]
    return OutboxMessage.objects.filter(pk__in=ids).update(
        state=MessageState.PENDING, attempts=0, next_attempt_at=None, leased_until=None)
