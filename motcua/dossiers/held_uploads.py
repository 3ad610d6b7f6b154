"""Files kept across a failed submission, online (issue #19) or at the counter: a form error never
costs the citizen — or the receptionist who scanned their papers — the uploads.

When a submission is refused (a field error, a missing document, a competence problem, a reused
form), every upload that passed its own check is written to a temporary area under
MEDIA_ROOT/held/ and recorded in the user's session under the form's key (from the procedure's
code; at the counter also the page's own id, `page_key`, because one receptionist may have the same
procedure open in two tabs for two applicants). The form shows them as attached; the next POST
sends back their tokens, and only tokens recorded in *this* session are honoured, so nobody can
attach another person's file by guessing a name. On a successful submission the held files are
handed to the service like fresh uploads (it stores its own copies with their rows) and the
temporaries are deleted; files dropped or replaced are deleted at once, a session remembers at most
MAX_FORMS forms' files, and anything older than a session's lifetime is swept (`sweep`).
"""

from __future__ import annotations

import re
import secrets
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils.datastructures import MultiValueDict

SESSION_KEY = "motcua_held_uploads"
FIELD_PREFIX = "held_"
DROP_PREFIX = "drop_held_"
PAGE_FIELD = "held_page"
# Forms with kept files a session remembers; past this the longest-untouched one is forgotten
# (its files deleted): abandoned counter pages must not grow the session without end.
MAX_FORMS = 8
_PAGE_ID = re.compile(r"[A-Za-z0-9_-]{22}")


def page_key(request: Any, base: str) -> tuple[str, str]:
    """(form key, page id) of a page that keeps its own files: the id the POST carries back, or a
    new one for a page served fresh (which therefore shows no one else's files)."""
    page = request.POST.get(PAGE_FIELD, "") if request.method == "POST" else ""
    if not _PAGE_ID.fullmatch(page):
        page = secrets.token_urlsafe(16)
    return f"{base}:{page}", page


def area() -> Path:
    return Path(settings.MEDIA_ROOT) / "held"


def _path(token: str) -> Path:
    # Tokens are ours (token_hex): no separator can reach another directory.
    return area() / token


def _records(request: Any, form_key: str) -> dict[str, dict[str, Any]]:
    held: dict[str, dict[str, dict[str, Any]]] = request.session.get(SESSION_KEY, {})
    return dict(held.get(form_key, {}))


def _save_records(request: Any, form_key: str, records: dict[str, dict[str, Any]]) -> None:
    held = dict(request.session.get(SESSION_KEY, {}))
    held.pop(form_key, None)
    if records:
        held[form_key] = records  # last in the dict: the most recently touched form
    while len(held) > MAX_FORMS:
        oldest = next(iter(held))
        for record in held.pop(oldest).values():
            _delete(record)
    request.session[SESSION_KEY] = held


def _delete(record: dict[str, Any]) -> None:
    _path(record["token"]).unlink(missing_ok=True)


def held(request: Any, form_key: str) -> dict[str, dict[str, Any]]:
    """Field name -> {token, name, size, content_type} of the files held for this form."""
    return _records(request, form_key)


def merge(request: Any, form_key: str, fields: list[str]) -> MultiValueDict[str, UploadedFile]:
    """request.FILES completed with the held files the form sent back (a new upload wins).

    A held file is honoured only if the POST names its token and the session holds it for this
    form; one the citizen dropped or replaced is deleted now.
    """
    files: MultiValueDict[str, UploadedFile] = MultiValueDict(
        {k: request.FILES.getlist(k) for k in request.FILES})
    records = _records(request, form_key)
    for name in fields:
        record = records.get(name)
        if record is None:
            continue
        sent_back = request.POST.get(FIELD_PREFIX + name) == record["token"]
        if name in files or not sent_back or request.POST.get(DROP_PREFIX + name):
            _delete(record)
            del records[name]
            continue
        try:
            content = _path(record["token"]).read_bytes()
        except FileNotFoundError:  # swept: the slot is simply empty again
            del records[name]
            continue
        files[name] = SimpleUploadedFile(record["name"], content, content_type=record["content_type"])
    _save_records(request, form_key, records)
    return files


def hold(request: Any, form_key: str, uploads: dict[str, UploadedFile]) -> dict[str, dict[str, Any]]:
    """Keep these valid uploads for the next attempt; returns what is now held for the form."""
    records = _records(request, form_key)
    area().mkdir(parents=True, exist_ok=True)
    for name, upload in uploads.items():
        previous = records.get(name)
        if previous is not None and previous["name"] == upload.name and previous["size"] == upload.size \
                and _path(previous["token"]).exists():
            continue  # the same held file sent back once more
        if previous is not None:
            _delete(previous)
        token = secrets.token_hex(16)
        upload.seek(0)
        with _path(token).open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        upload.seek(0)
        records[name] = {"token": token, "name": upload.name, "size": upload.size,
                         "content_type": getattr(upload, "content_type", "") or "application/octet-stream"}
    _save_records(request, form_key, records)
    sweep()
    return records


def release(request: Any, form_key: str) -> None:
    """After a successful submission: the service stored its own copies; delete the temporaries.
    Nothing held, nothing written."""
    records = _records(request, form_key)
    if not records:
        return
    for record in records.values():
        _delete(record)
    _save_records(request, form_key, {})


def forget(request: Any) -> None:
    """Signing out: every file this session kept is deleted (a counter's next officer, or anyone
    at a shared computer, must not find an applicant's scans waiting on disk for the sweep)."""
    session = getattr(request, "session", None)
    if session is None:
        return
    for records in session.get(SESSION_KEY, {}).values():
        for record in records.values():
            _delete(record)
    session.pop(SESSION_KEY, None)


def sweep(max_age_seconds: int | None = None) -> int:
    """Delete held files older than a session can live (abandoned forms); returns how many."""
    max_age = max_age_seconds if max_age_seconds is not None else int(settings.SESSION_COOKIE_AGE)
    root = area()
    if not root.is_dir():
        return 0
    limit = time.time() - max_age
    removed = 0
    for path in root.iterdir():
        if path.is_file() and path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
