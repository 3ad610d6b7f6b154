"""Files: checking an upload by its content, storing it inside the transition that brings it, and
deleting it again when that transition fails.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from django.core.files.base import File

from motcua.core import rows as tables
from motcua.dossiers import permissions
from motcua.dossiers.models import (
    Dossier,
    DossierDocument,
    DossierFile,
)
from motcua.dossiers.services.kernel import (
    Actor,
    DossierError,
    Supplied,
    Upload,
    _atomic,
    _check,
    _commit,
    _insert_reserved,
    _lock,
    _now,
)
from motcua.dossiers.uploads import EXTENSIONS, UploadProblem, check_upload


def _check_files(files: Sequence[Upload]) -> list[str]:
    """The proven type of every file, before anything is written (a refused file leaves nothing)."""
    return [_proven_type(upload) for _key, upload in files]


@contextmanager
def _discard_files_on_failure() -> Iterator[list[DossierFile]]:
    """Delete the files stored by a transition whose transaction failed.

    A database rollback does not remove what was written to MEDIA_ROOT: the transition
    stores its files inside the transaction and, on any error, deletes them after the
    rollback. (A caller must not wrap a transition in its own transaction: a rollback of
    that outer transaction after the transition returned cannot be seen here.)
    """
    stored: list[DossierFile] = []
    try:
        yield stored
    except BaseException:
        for attached in stored:
            attached.file.delete(save=False)
        raise


def _stored(
    dossier: Dossier, upload: File, content_type: str, document: DossierDocument | None
) -> DossierFile:
    """The file written to the storage (under a name the server chooses), its row not yet inserted."""
    original = (upload.name or "").replace("\\", "/").rsplit("/", 1)[-1][:255]
    attached = DossierFile(
        dossier=dossier, document=document, original_name=original, content_type=content_type
    )
    attached.file.save(_server_name(content_type), upload, save=False)
    return attached


def _store_file(
    dossier: Dossier, upload: File, content_type: str, document: DossierDocument | None
) -> DossierFile:
    attached = _stored(dossier, upload, content_type, document)
    attached.save()
    return attached


def _create_documents(
    dossier: Dossier, documents: Sequence[Supplied], supplement: bool = False
) -> list[DossierDocument]:
    """The documents handed in, exactly as given (never the whole catalog list by default)."""
    if not documents:
        return []
    new = tables.table(DossierDocument).new
    rows: list[DossierDocument] = [
        new(  # type: ignore[misc]
            dossier=dossier,
            requirement_id=d.requirement_id,
            name=d.name,
            originals=d.originals,
            certified_copies=d.certified_copies,
            photocopies=d.photocopies,
            supplied_in_supplement=supplement,
        )
        for d in documents
    ]
    if _insert_reserved(dossier, DossierDocument, rows):
        return rows
    tables.table(DossierDocument).insert_many(rows)
    created = rows
    if any(row.pk is None for row in created):  # backends without RETURNING on a multi-row insert
        created = list(DossierDocument.objects.filter(dossier=dossier).order_by("-id")[: len(rows)])[::-1]
    return created


def _attach(
    dossier: Dossier,
    files: Sequence[Upload],
    types: Sequence[str],
    documents: Sequence[DossierDocument],
    stored: list[DossierFile],
    *,
    by_index: bool = False,
) -> None:
    """Store the files of a transition, each on its document (by requirement id, or by index)."""
    by_requirement = {d.requirement_id: d for d in documents if d.requirement_id is not None}
    written: list[DossierFile] = []
    for (key, upload), content_type in zip(files, types, strict=True):
        if key is None:
            document = None
        elif by_index:
            document = documents[key] if 0 <= key < len(documents) else None
        else:
            document = by_requirement.get(key)
        attached = _stored(dossier, upload, content_type, document)
        stored.append(attached)  # on disk: deleted again if anything below fails
        written.append(attached)
    # Their rows in one statement.
    tables.table(DossierFile).insert_many(written)
    if any(row.pk is None for row in written):  # backends without RETURNING on a multi-row insert
        keys = DossierFile.objects.filter(dossier=dossier).order_by("-id").values_list("id", flat=True)
        for row, pk in zip(written, list(keys[: len(written)])[::-1], strict=True):
            row.pk = pk


# ---------------------------------------------------------------------------------------
# Files


def _proven_type(upload: File) -> str:
    """The content type the file's first bytes prove, within the size limit, or a DossierError.

    Every door (portal, desk, API, scripts) ends here, so a file that is not a PDF, JPEG or
    PNG, or is too large, is refused even if the door forgot to check it.
    """
    try:
        return check_upload(upload)  # type: ignore[arg-type]  # any File with a size and bytes
    except UploadProblem as problem:
        raise DossierError(problem.code, problem.message) from None


def _server_name(content_type: str) -> str:
    """A stored name the user does not choose: a random stem, the extension of the proven type."""
    return f"{uuid.uuid4().hex}.{EXTENSIONS[content_type]}"


def attach_file(
    actor: Actor,
    dossier: Dossier,
    upload: File,
    *,
    at: dt.datetime | None = None,
    document: DossierDocument | None = None,
) -> DossierFile:
    """Attach a scanned or uploaded file: PDF, JPEG or PNG by its content, within the size limit.

    Refused with `unsupported_file_type` or `file_too_large`; the name on disk is chosen by
    the server and its extension comes from the proven type (`models.attachment_path`).
    """
    at = _now(at)
    with _atomic():
        locked = _lock(dossier, actor)
        _check(permissions.attach_file(actor, locked), locked)
        content_type = _proven_type(upload)
        attached = _store_file(locked, upload, content_type, document)
        _commit(
            dossier,
            locked,
            actor,
            at,
            "attach_file",
            locked.status,
            data={"file": attached.pk, "content_type": content_type},
        )
    return attached
