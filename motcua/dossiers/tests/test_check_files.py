"""`motcua dossiers check-files`: orphan uploads and rows without their file, and the cleanup."""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import transaction

from motcua.dossiers import services
from motcua.dossiers.files import check_files
from motcua.dossiers.models import Dossier, DossierFile

from .conftest import World, at
from .test_files_payment_assignment import processing

__all__ = ["processing"]

PDF = b"%PDF-1.4 scan"


class Crash(Exception):
    pass


def _orphan(world: World, dossier: Dossier, *, hours_old: float) -> Path:
    """What a crash between the file write and the commit leaves: a file whose row was rolled back."""
    before = set(DossierFile.objects.values_list("pk", flat=True))
    with pytest.raises(Crash), transaction.atomic():
        attached = services.attach_file(world.receptionist, dossier, ContentFile(PDF, name="scan.pdf"))
        path = Path(attached.file.path)
        raise Crash
    assert set(DossierFile.objects.values_list("pk", flat=True)) == before
    dossier.refresh_from_db()  # the rolled-back revision
    old = time.time() - hours_old * 3600
    os.utime(path, (old, old))
    return path


def test_a_consistent_store_reports_nothing(world: World, processing: Dossier) -> None:
    services.attach_file(world.receptionist, processing, ContentFile(PDF, name="a.pdf"))
    report = check_files()
    assert report.consistent and not report.orphans and not report.missing
    assert report.files == report.rows == 1


def test_a_file_left_by_a_rolled_back_transaction_is_reported_as_an_orphan(
        world: World, processing: Dossier, settings: object) -> None:
    path = _orphan(world, processing, hours_old=2)
    assert path.is_file()
    report = check_files()
    assert report.orphans == [path.relative_to(settings.MEDIA_ROOT).as_posix()]  # type: ignore[attr-defined]
    assert not report.consistent


def test_a_row_whose_file_is_gone_is_reported_with_its_dossier(world: World, processing: Dossier) -> None:
    attached = services.attach_file(world.receptionist, processing, ContentFile(PDF, name="a.pdf"))
    Path(attached.file.path).unlink()
    report = check_files(clean=True)
    assert [(m.dossier_code, m.name) for m in report.missing] == [(processing.code, attached.file.name)]
    assert not report.consistent


def test_clean_removes_old_orphans_and_keeps_young_ones_and_rows(world: World, processing: Dossier) -> None:
    kept = services.attach_file(world.receptionist, processing, ContentFile(PDF, name="a.pdf"))
    old = _orphan(world, processing, hours_old=2)
    young = _orphan(world, processing, hours_old=0)
    report = check_files(clean=True, grace=dt.timedelta(hours=1))
    assert not old.exists()
    assert young.exists()  # may belong to a transaction still running
    assert Path(kept.file.path).exists()
    assert report.consistent


def test_a_replaced_result_file_is_an_orphan(world: World, processing: Dossier) -> None:
    services.mark_result_ready(world.specialist, processing, "Cấp giấy khai sinh",
                               result_file=ContentFile(PDF, name="kq.pdf"), at=at("2026-03-03 09:00"))
    processing.refresh_from_db()
    first = Path(processing.result_file.path)
    Dossier.objects.filter(pk=processing.pk).update(result_file="")
    os.utime(first, (time.time() - 7200, time.time() - 7200))
    assert check_files().orphans == [f"results/{first.parent.parent.name}/{first.parent.name}/{first.name}"]


def test_the_command_exits_1_on_orphans_and_0_once_cleaned(world: World, processing: Dossier) -> None:
    path = _orphan(world, processing, hours_old=2)
    with pytest.raises(CommandError) as failed:
        call_command("dossiers", "check-files", stdout=StringIO())
    assert failed.value.returncode == 1
    out = StringIO()
    call_command("dossiers", "check-files", "--clean", "--json", stdout=out)
    assert json.loads(out.getvalue())["removed"] == [path.relative_to(path.parents[1]).as_posix()]
    assert not path.exists()
    call_command("dossiers", "check-files", stdout=StringIO())


def test_a_negative_grace_is_bad_input(world: World) -> None:
    with pytest.raises(CommandError) as failed:
        call_command("dossiers", "check-files", "--grace-minutes", "-1")
    assert failed.value.returncode == 2
