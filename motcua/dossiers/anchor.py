"""Checkpoints of the audit chains, kept outside the database (issue #18: audit anchoring).

A hash chain alone proves nothing against someone who can write to the database: they can
recompute every hash of a rewritten history, or delete a dossier's events and set its
revision back to 0. So the chain heads are *sealed*: `seal()` appends a checkpoint — the
head (revision, hash of the newest event) of every dossier that changed since the previous
checkpoint — to a file per day under `MOTCUA_AUDIT_DIR`, authenticated with an HMAC whose key
lives in a file (`MOTCUA_AUDIT_KEY_FILE`), never in the database. Each checkpoint also carries
the MAC of the one before, so removing or reordering checkpoints is seen too.

`verify()` reads every checkpoint (checking MACs and their sequence), keeps the newest head of
each dossier, and checks the database against it: the dossier still exists and its event at
that revision still has that hash. A history rewritten or deleted before the latest checkpoint
is then reported even when its chain is internally consistent. What changed after the latest
checkpoint is covered by the chain alone, so seal often (the job runner, or a timer:
`motcua dossiers seal-audit`).

Files are JSON lines, one checkpoint a line, readable and verifiable offline with the key:
``{"n": 3, "at": "...", "prev": "<mac of n=2>", "heads": [["CODE", revision, "hash"], ...],
"mac": "<HMAC-SHA256 of the line without mac>"}``. When an agency signing key exists (the
digital results work), the same payload can be signed with it instead of the HMAC.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.dossiers.audit import BrokenLink
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.worktime.core import TZ

GENESIS_MAC = "0" * 64
_BATCH = 500


class CheckpointError(Exception):
    """The checkpoint files or their key cannot be trusted (altered, missing, out of order)."""


@dataclass(frozen=True)
class Sealed:
    number: int
    dossiers: int
    path: Path


def audit_dir() -> Path:
    return Path(settings.MOTCUA_AUDIT_DIR)


def _key(create: bool) -> bytes:
    path = Path(settings.MOTCUA_AUDIT_KEY_FILE)
    if not path.exists():
        if not create:
            raise CheckpointError(_("Không có tệp khóa niêm phong nhật ký: %(path)s") % {"path": path})
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_hex(32) + "\n")
    return bytes.fromhex(path.read_text().strip())


def _mac(key: bytes, record: dict[str, object]) -> str:
    payload = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hmac.new(key, payload.encode("utf-8"), hashlib.sha256).hexdigest()


def _files() -> list[Path]:
    folder = audit_dir()
    return sorted(folder.glob("checkpoints-*.jsonl")) if folder.is_dir() else []


def read_checkpoints(key: bytes | None = None) -> tuple[int, str, dict[str, tuple[int, str]]]:
    """(number of the last checkpoint, its MAC, newest head per dossier code); raises CheckpointError."""
    files = _files()
    if not files:
        return 0, GENESIS_MAC, {}
    key = key if key is not None else _key(create=False)
    number, previous = 0, GENESIS_MAC
    heads: dict[str, tuple[int, str]] = {}
    for path in files:
        for line_number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            where = f"{path.name}:{line_number}"
            try:
                record = json.loads(line)
                mac = record.pop("mac")
            except (ValueError, KeyError, AttributeError):
                raise CheckpointError(_("%(where)s: không phải điểm niêm phong") % {"where": where}) from None
            if not hmac.compare_digest(str(mac), _mac(key, record)):
                raise CheckpointError(
                    _("%(where)s: điểm niêm phong đã bị sửa (mã xác thực không khớp)") % {"where": where})
            if record.get("n") != number + 1 or record.get("prev") != previous:
                raise CheckpointError(
                    _("%(where)s: điểm niêm phong sai thứ tự (có điểm bị xóa hoặc đảo)") % {"where": where})
            number, previous = record["n"], mac
            for code, revision, head in record["heads"]:
                heads[code] = (revision, head)
    return number, previous, heads


def seal(now: dt.datetime | None = None) -> Sealed:
    """Append a checkpoint of every dossier head changed since the previous one."""
    now = now or timezone.now()
    key = _key(create=True)
    number, previous, known = read_checkpoints(key)
    # One consistent read of the heads (a transition commits its head and event together).
    with transaction.atomic():
        rows = Dossier.objects.order_by("id").values_list("code", "revision", "last_event_hash")
        changed = [[code, revision, head] for code, revision, head in rows.iterator(chunk_size=5000)
                   if revision and known.get(code) != (revision, head)]
    record: dict[str, object] = {"n": number + 1, "at": now.isoformat(), "prev": previous, "heads": changed}
    record["mac"] = _mac(key, record)
    folder = audit_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"checkpoints-{now.astimezone(TZ):%Y-%m-%d}.jsonl"
    with path.open("a", encoding="utf-8") as out:
        out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
        out.flush()
        os.fsync(out.fileno())
    return Sealed(number + 1, len(changed), path)


def verify() -> Iterator[BrokenLink]:
    """Dossiers whose history no longer contains the head sealed in the latest checkpoint."""
    _, _, heads = read_checkpoints()
    codes = sorted(heads)
    for start in range(0, len(codes), _BATCH):
        batch = codes[start:start + _BATCH]
        revisions = {heads[code][0] for code in batch}
        found = {
            (code, seq): event_hash
            for code, seq, event_hash in DossierEvent.objects.filter(
                dossier__code__in=batch, seq__in=revisions
            ).values_list("dossier__code", "seq", "hash")
        }
        existing = set(Dossier.objects.filter(code__in=batch).values_list("code", flat=True))
        for code in batch:
            revision, head = heads[code]
            if code not in existing:
                yield BrokenLink(code, revision, "checkpoint_dossier_missing")
            elif found.get((code, revision)) != head:
                yield BrokenLink(code, revision, "checkpoint")
