"""Files and rows agree: every stored upload has its row, every row its file (issue #18, finding 10).

A transition writes its files into MEDIA_ROOT inside its transaction, *before* the commit
(services._store_file), so a committed row always names a file that is already on disk. What
a rollback cannot undo, `services._discard_files_on_failure` deletes; what a crash leaves behind
(kill -9 between the write and the commit, or a replaced result file) is an orphan: a file no
row names. `check_files` finds both kinds and, with `clean`, removes orphans older than a grace
period — younger files may belong to a transaction still running.

The disk is listed *before* the rows are read: a file committed in between is then among the
rows (not an orphan), and a file written after the listing is not looked at.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db.models import FileField
from django.utils import timezone

from motcua.dossiers.models import Dossier, DossierFile

# The folders under MEDIA_ROOT that hold the files of rows: the dossiers' (DossierFile.file:
# models.attachment_path; Dossier.result_file: upload_to="results/%Y/%m/") and the signed and
# digitised documents' (documents/signed/, documents/digitised/: results signed on approval,
# counter scans, certified copies). Other folders (the centre's speech cache) hold no rows'
# files: never swept from here.
FILE_HOMES = ("dossiers", "results", "documents")
DEFAULT_GRACE = dt.timedelta(hours=1)


@dataclass
class MissingFile:
    dossier_code: str
    name: str


@dataclass
class FileReport:
    files: int = 0
    rows: int = 0
    orphans: list[str] = field(default_factory=list)
    recent_orphans: list[str] = field(default_factory=list)
    missing: list[MissingFile] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def consistent(self) -> bool:
        """No row without its file, no orphan old enough to be certain (removed ones are gone)."""
        return not self.missing and len(self.removed) == len(self.orphans)


def _stored_files(root: Path) -> dict[str, float]:
    """Every file in the dossiers' folders, by its name relative to MEDIA_ROOT, with its mtime."""
    found: dict[str, float] = {}
    for home in FILE_HOMES:
        folder = root / home
        if not folder.is_dir():
            continue
        for path in folder.rglob("*"):
            try:
                if path.is_file():
                    found[path.relative_to(root).as_posix()] = path.stat().st_mtime
            except FileNotFoundError:  # removed while we looked
                continue
    return found


def _named_by_rows() -> dict[str, str]:
    """Every file name a row holds, with what the row is (a dossier's code, or model#id)."""
    named: dict[str, str] = {}
    for name, code in DossierFile.objects.values_list("file", "dossier__code").iterator():
        if name:
            named[name] = code
    for name, code in Dossier.objects.exclude(result_file="").values_list("result_file", "code").iterator():
        if name:
            named[name] = code
    # Every other model's file fields (signed and digitised documents, …), found by their type so
    # a new file field is covered without a change here.
    for model in apps.get_models():
        if model in (Dossier, DossierFile):
            continue
        for model_field in model._meta.concrete_fields:
            if isinstance(model_field, FileField):
                label = model._meta.label_lower
                rows = model._default_manager.exclude(**{model_field.name: ""}).values_list(
                    model_field.name, "pk")
                for name, pk in rows.iterator():
                    if name:
                        named[name] = f"{label}#{pk}"
    return named


def check_files(
    *, clean: bool = False, grace: dt.timedelta = DEFAULT_GRACE, now: dt.datetime | None = None
) -> FileReport:
    """Compare MEDIA_ROOT's dossier folders with the rows; remove old orphans when `clean`."""
    root = Path(settings.MEDIA_ROOT)
    on_disk = _stored_files(root)
    named = _named_by_rows()
    cutoff = (now or timezone.now()).timestamp() - grace.total_seconds()
    report = FileReport(files=len(on_disk), rows=len(named))
    for name in sorted(set(on_disk) - set(named)):
        (report.orphans if on_disk[name] <= cutoff else report.recent_orphans).append(name)
    for name, code in sorted(named.items()):
        # A row committed after the listing names a file written before its commit: look again.
        if name not in on_disk and not (root / name).is_file():
            report.missing.append(MissingFile(dossier_code=code, name=name))
    if clean:
        for name in report.orphans:
            (root / name).unlink(missing_ok=True)
            report.removed.append(name)
    return report
