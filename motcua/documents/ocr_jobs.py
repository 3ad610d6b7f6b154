"""Recognition of digitised documents in the background, page by page, with progress.

A counter request never waits for Tesseract (seconds per page): digitisation marks the
document `pending`; a worker claims it (`claim_next`, `SKIP LOCKED` on PostgreSQL so two
workers never take the same document), reads one page at a time and writes its progress
after each page in its own short transaction, so the desk can show "3 / 5 trang" while it
runs. The result is a *proposal* (`ocr.propose_metadata`): the officer confirms or corrects
it (`services.confirm_metadata`).

A worker that dies leaves its document `running`; after `LEASE` without progress another
worker takes it again from the first page (recognition has no side effect but these columns).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from motcua.documents import ocr
from motcua.documents.models import DigitisedDocument, OcrState
from motcua.jobs.runner import enqueue_on_commit

# A running recognition that has not moved for this long is taken to be dead.
LEASE = dt.timedelta(minutes=10)


def _claimable(now: dt.datetime) -> Q:
    return Q(ocr_state=OcrState.PENDING) | Q(ocr_state=OcrState.RUNNING, ocr_started_at__lt=now - LEASE)


def claim(document_id: int, now: dt.datetime | None = None) -> bool:
    """Take one document for recognition (compare-and-set); False when another worker has it."""
    now = now or timezone.now()
    taken = DigitisedDocument.objects.filter(_claimable(now), pk=document_id).update(
        ocr_state=OcrState.RUNNING, ocr_started_at=now, ocr_pages_done=0, ocr_error="")
    return taken == 1


def claim_next(now: dt.datetime | None = None) -> int | None:
    """The oldest document waiting for recognition, claimed; None when there is none."""
    now = now or timezone.now()
    with transaction.atomic():
        waiting = DigitisedDocument.objects.filter(_claimable(now)).order_by("pk")
        if connection.features.has_select_for_update_skip_locked:
            waiting = waiting.select_for_update(skip_locked=True)
        document_id = waiting.values_list("pk", flat=True).first()
        if document_id is None or not claim(document_id, now):
            return None
    return document_id


def _progress(document_id: int, **fields: object) -> None:
    fields.setdefault("ocr_started_at", timezone.now())  # progress renews the lease
    DigitisedDocument.objects.filter(pk=document_id, ocr_state=OcrState.RUNNING).update(**fields)


def run(document_id: int) -> str:
    """Recognise a claimed document page by page; returns its final state."""
    document = DigitisedDocument.objects.filter(pk=document_id, ocr_state=OcrState.RUNNING).first()
    if document is None:
        return OcrState.NONE
    try:
        document.file.open("rb")
        try:
            pdf = bytes(document.file.read())
        finally:
            document.file.close()
        texts: list[str] = []
        for number, image in enumerate(ocr.page_images(pdf), start=1):
            texts.append(ocr.ocr_image(image).strip())
            _progress(document_id, ocr_pages_done=number)
    except (ocr.OcrError, OSError) as error:
        message = str(error) if isinstance(error, ocr.OcrError) else gettext("Không đọc được tệp đã số hóa.")
        _progress(document_id, ocr_state=OcrState.FAILED, ocr_error=message[:300])
        return OcrState.FAILED
    text = "\f".join(texts)
    _progress(document_id, ocr_state=OcrState.DONE, ocr_text=text,
              proposal=ocr.propose_metadata(text).as_dict())
    return OcrState.DONE


def run_one(document_id: int) -> str:
    """Claim and recognise one document (what the job queued after a digitisation runs)."""
    if not claim(document_id):
        states = DigitisedDocument.objects.filter(pk=document_id).values_list("ocr_state", flat=True)
        return states.first() or ""
    return run(document_id)


def run_pending(limit: int | None = None, seconds: float | None = None) -> int:
    """Recognise waiting documents one after another; returns how many. With `seconds`, no new
    document is started after that long (a job must end well within the runner's timeout)."""
    import time

    started = time.monotonic()
    done = 0
    while limit is None or done < limit:
        if seconds is not None and time.monotonic() - started > seconds:
            break
        document_id = claim_next()
        if document_id is None:
            break
        run(document_id)
        done += 1
    return done


def run_pending_job() -> dict[str, int]:
    """The periodic job: what waits (a backlog, or what a dead worker left), for at most 5 minutes."""
    return {"recognised": run_pending(seconds=300)}


def request(documents: list[DigitisedDocument]) -> None:
    """Mark documents for recognition (inside the caller's transaction); after the commit each
    is handed to the worker (the periodic job finds any that were not)."""
    ids = [d.pk for d in documents if d.pk is not None]
    # Documents created pending (`digitise(..., ocr_state=PENDING)`) need no UPDATE.
    again = [d.pk for d in documents if d.pk is not None and d.ocr_state != OcrState.PENDING]
    if again:
        DigitisedDocument.objects.filter(pk__in=again).update(
            ocr_state=OcrState.PENDING, ocr_pages_done=0, ocr_error="", ocr_started_at=None)
        for document in documents:
            document.ocr_state = OcrState.PENDING
    if ids:
        if settings.MOTCUA_OCR_ON_COMMIT:
            for pk in ids:
                enqueue_on_commit("motcua.documents.ocr_jobs.run_one", pk, task_name=f"ocr {pk}")
