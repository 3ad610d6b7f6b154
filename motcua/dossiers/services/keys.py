"""One-time submission keys: a repeated request that creates a dossier creates nothing the second time.

The services that create a dossier (`submit_online`, `receive_new_dossier`, `refuse_new_dossier`)
take an optional `once=SubmissionOnce(key, fingerprint)`:
- before anything is written, a key this account used already raises `AlreadySubmitted` with
  the dossier it created (a request digest that differs: `submission_key_reused`, nothing
  created) — one query, only for a call with a key;
- the key is written with the new dossier, in its transaction (`record`), under the unique
  constraint (account, key): two requests racing with one key both pass the first check, and
  the second one's INSERT fails once the first commits (PostgreSQL: it waits for it; SQLite:
  IMMEDIATE transactions run one after the other); `guarded` turns that failure, after the
  rollback, into the same `AlreadySubmitted`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.files import File
from django.db import IntegrityError, connection
from django.utils import timezone
from django.utils.translation import gettext

from motcua.core import rows as tables
from motcua.dossiers.models import Dossier, SubmissionKey
from motcua.dossiers.services.kernel import Actor, DossierError


@dataclass(frozen=True)
class SubmissionOnce:
    """The key a request carries, and (API) the digest of what it asked for."""

    key: str
    fingerprint: str = ""


def fingerprint(label: str, data: object, files: Iterable[File] = ()) -> str:
    """The digest of what a request asks for: `label` (the endpoint or the form), its fields and
    each file (its whole content in one sha256, whatever chunks the upload handler cut it into —
    in memory one chunk, on disk 64 KB ones —, then its name and length)."""
    digest = hashlib.sha256(json.dumps([label, data], sort_keys=True, default=str).encode())
    for upload in files:
        content = hashlib.sha256()
        size = 0
        upload.seek(0)
        for chunk in upload.chunks():
            content.update(chunk)
            size += len(chunk)
        upload.seek(0)
        digest.update(content.digest())
        digest.update(b"|" + (upload.name or "").encode() + b"|" + str(size).encode() + b"|")
    return digest.hexdigest()


class AlreadySubmitted(DossierError):
    """The key was used already by this account: `dossier` is the one its first request created."""

    def __init__(self, dossier: Dossier) -> None:
        super().__init__(
            "already_submitted",
            gettext("Hồ sơ này đã được nộp trước đó (mã %(code)s).") % {"code": dossier.code},
        )
        self.dossier = dossier


def _first(actor: Actor, once: SubmissionOnce) -> DossierError | None:
    """The answer to a key used already by `actor` (None for a fresh key)."""
    if actor is None:
        return None
    row = (SubmissionKey.objects.select_related("dossier")
           .filter(account_id=actor.pk, key=once.key).first())
    if row is None:
        return None
    if row.fingerprint != once.fingerprint:
        return DossierError(
            "submission_key_reused",
            gettext("Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác (hồ sơ %(code)s); "
                    "mỗi yêu cầu mới cần một khóa mới.") % {"code": row.dossier.code},
        )
    return AlreadySubmitted(row.dossier)


def check(actor: Actor, once: SubmissionOnce | None) -> None:
    """Before anything is written: a key used already is answered with the first dossier."""
    if once is None:
        return
    answer = _first(actor, once)
    if answer is not None:
        raise answer


def record(actor: Actor, once: SubmissionOnce | None, dossier: Dossier) -> None:
    """Write the key with the new dossier (inside its transaction; kept with its other writes
    on PostgreSQL, so no round trip of its own)."""
    if once is None or actor is None:
        return
    row = SubmissionKey(account_id=actor.pk, key=once.key, dossier=dossier, fingerprint=once.fingerprint,
                        created_at=timezone.now())
    tables.table(SubmissionKey).append(row)


@contextmanager
def guarded(actor: Actor, once: SubmissionOnce | None) -> Iterator[None]:
    """Around the transaction: a twin request with the same key that committed first."""
    try:
        yield
    except IntegrityError:
        # Inside a caller's transaction the failed statement has spoilt it: nothing to read.
        if once is None or connection.in_atomic_block:
            raise
        answer = _first(actor, once)
        if answer is None:
            raise
        raise answer from None


def forget(age_hours: int = 24) -> int:
    """Delete the keys older than `age_hours` (a repeat a day later is a new request)."""
    cutoff = timezone.now() - dt.timedelta(hours=age_hours)
    deleted, _ = SubmissionKey.objects.filter(created_at__lt=cutoff).delete()
    return deleted
