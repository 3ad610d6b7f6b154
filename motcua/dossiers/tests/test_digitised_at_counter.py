"""Issue #13, digitisation at reception: scans are recognised in the background with progress,
OCR proposes the metadata, the receptionist confirms it; results photographed as JPEG/PNG are
signed as PDFs; check-files covers the documents' folders."""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import timezone
from PIL import Image

from motcua.documents import ocr_jobs, pki
from motcua.documents import services as warehouse
from motcua.documents.models import DigitisedDocument, OcrState
from motcua.documents.sample import BIRTH_CERTIFICATE, render_pdf
from motcua.documents.verification import verify_bytes
from motcua.dossiers import files, services
from motcua.dossiers.models import Dossier

from .conftest import World, at
from .test_digital_documents import receive_at_counter, to_approval


@pytest.fixture(autouse=True)
def _pki(tmp_path: Path, settings: Any) -> None:
    settings.MOTCUA_PKI_DIR = tmp_path / "pki"
    settings.MOTCUA_TSA_URL = ""


def scan_of(dossier: Dossier) -> DigitisedDocument:
    return DigitisedDocument.objects.get(dossier_code=dossier.code)


# ---------------------------------------------------------------------------------------
# Recognition in the background


def test_a_counter_scan_waits_for_recognition_instead_of_delaying_the_reception(world: World) -> None:
    document = scan_of(receive_at_counter(world))
    assert document.ocr_state == OcrState.PENDING
    assert document.ocr_text == "" and document.proposal == {}
    assert document.confirmed_at is None


def test_the_worker_recognises_the_scan_page_by_page_and_proposes_number_and_date(world: World) -> None:
    document = scan_of(receive_at_counter(world))
    assert ocr_jobs.run_pending() == 1
    document.refresh_from_db()
    assert document.ocr_state == OcrState.DONE
    assert document.ocr_pages_done == document.pages == 1
    assert "GIẤY KHAI SINH" in document.ocr_text.upper()
    assert document.proposal["number"] == "125/2025/KS"
    assert document.proposal["issue_date"] == "2025-03-14"
    assert document.proposal["document_type"] == "Giấy khai sinh"
    # The proposal is not taken for a fact: the metadata waits for the officer.
    assert document.number == "" and document.confirmed_at is None
    assert ocr_jobs.run_pending() == 0


def test_a_recognition_whose_worker_died_is_taken_again_after_the_lease(world: World) -> None:
    document = scan_of(receive_at_counter(world))
    started = timezone.now()
    assert ocr_jobs.claim_next(now=started) == document.pk
    # Another worker a minute later leaves it to the first one…
    assert ocr_jobs.claim_next(now=started + dt.timedelta(minutes=1)) is None
    # …but takes it once the first has been silent for longer than the lease.
    assert ocr_jobs.claim_next(now=started + ocr_jobs.LEASE + dt.timedelta(seconds=1)) == document.pk


def test_an_unreadable_stored_scan_ends_failed_with_a_translated_reason(world: World) -> None:
    document = scan_of(receive_at_counter(world))
    Path(document.file.path).write_bytes(b"%PDF-1.4 not really a pdf")
    ocr_jobs.run_pending()
    document.refresh_from_db()
    assert document.ocr_state == OcrState.FAILED
    assert "PDF" in document.ocr_error


# ---------------------------------------------------------------------------------------
# The desk: progress and confirmation


def test_the_dossier_page_shows_progress_then_the_proposal_to_confirm(client: Client, world: World) -> None:
    dossier = receive_at_counter(world)
    client.force_login(world.receptionist)
    page = client.get(f"/desk/dossiers/{dossier.code}/").content.decode()
    assert "Giấy tờ số hóa tại bộ phận một cửa" in page and "<progress" in page
    status = client.get(f"/desk/dossiers/{dossier.code}/so-hoa/").json()
    assert status["documents"][0]["state"] == "pending" and status["documents"][0]["pages"] == 1
    ocr_jobs.run_pending()
    status = client.get(f"/desk/dossiers/{dossier.code}/so-hoa/").json()
    assert status["documents"][0]["state"] == "done" and status["documents"][0]["pages_done"] == 1
    page = client.get(f"/desk/dossiers/{dossier.code}/").content.decode()
    assert "<progress" not in page
    assert 'value="125/2025/KS"' in page and 'value="2025-03-14"' in page


def test_the_receptionist_confirms_and_corrects_the_proposed_metadata(client: Client, world: World) -> None:
    dossier = receive_at_counter(world)
    ocr_jobs.run_pending()
    document = scan_of(dossier)
    client.force_login(world.receptionist)
    prefix = f"scan{document.pk}"
    response = client.post(f"/desk/dossiers/{dossier.code}/so-hoa/{document.pk}/", {
        f"{prefix}-document_type": "Giấy khai sinh", f"{prefix}-number": "125/2025/KS",
        f"{prefix}-issuer": "UBND phường Đông Kinh", f"{prefix}-issue_date": "2025-03-14",
        f"{prefix}-valid_until": "",
    })
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.document_type, document.number, document.issuer) == (
        "Giấy khai sinh", "125/2025/KS", "UBND phường Đông Kinh")
    assert document.issue_date == dt.date(2025, 3, 14)
    assert document.confirmed_by_id == world.receptionist.pk and document.confirmed_at is not None


def test_a_validity_before_the_issue_date_is_refused_and_changes_nothing(world: World) -> None:
    document = scan_of(receive_at_counter(world))
    with pytest.raises(warehouse.WarehouseError) as refused:
        warehouse.confirm_metadata(world.receptionist, document.pk, warehouse.Metadata(
            document_type="Giấy khai sinh", issue_date=dt.date(2025, 3, 14), valid_until=dt.date(2025, 1, 1)))
    assert refused.value.code == "bad_validity"
    document.refresh_from_db()
    assert document.confirmed_at is None and document.issue_date is None


def test_an_officer_of_another_centre_cannot_confirm(client: Client, world: World) -> None:
    dossier = receive_at_counter(world)
    document = scan_of(dossier)
    with pytest.raises(warehouse.WarehouseError) as refused:
        warehouse.confirm_metadata(world.other_receptionist, document.pk,
                                   warehouse.Metadata(document_type="Giấy khai sinh", number="1"))
    assert refused.value.code == "not_found"
    client.force_login(world.other_receptionist)
    assert client.get(f"/desk/dossiers/{dossier.code}/so-hoa/").status_code == 404
    document.refresh_from_db()
    assert document.number == "" and document.confirmed_at is None


# ---------------------------------------------------------------------------------------
# A photographed result is signed as a PDF


def _jpeg() -> bytes:
    image = Image.new("RGB", (600, 400), "white")
    out = io.BytesIO()
    image.save(out, format="JPEG")
    return out.getvalue()


def test_a_jpeg_result_is_signed_as_a_pdf_on_approval(world: World) -> None:
    pki.init_pki([(world.ward_committee.code, world.ward_committee.name)], "CA Tỉnh Lạng Sơn")
    dossier = to_approval(world, receive_at_counter(world), _jpeg())
    services.approve_result(world.leader, dossier, at=at("2026-03-03 10:00"))
    dossier.refresh_from_db()
    assert dossier.result_signed_id is not None
    assert (dossier.result_file.name or "").endswith(".pdf")
    signed = dossier.result_file.read()
    assert signed.startswith(b"%PDF")
    assert verify_bytes(signed).ok


# ---------------------------------------------------------------------------------------
# check-files covers the documents' folders


def test_check_files_finds_an_orphan_digitised_file_and_counts_the_documents_rows(world: World) -> None:
    receive_at_counter(world)
    orphan = Path(django_settings.MEDIA_ROOT) / "documents" / "digitised" / "lost.pdf"
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(render_pdf(BIRTH_CERTIFICATE))
    old = (timezone.now() - dt.timedelta(hours=2)).timestamp()
    os.utime(orphan, (old, old))
    report = files.check_files(clean=True)
    assert report.orphans == ["documents/digitised/lost.pdf"]
    assert report.removed == ["documents/digitised/lost.pdf"] and not orphan.exists()
    assert report.missing == [] and report.consistent


def test_a_document_the_holder_deleted_leaves_neither_file_nor_a_missing_row(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    citizen = world.prove_citizen()
    document = warehouse.digitise([("a.pdf", render_pdf(BIRTH_CERTIFICATE))],
                                  holder_identifier=citizen.id_number, origin="citizen_upload")
    path = Path(document.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        warehouse.delete(citizen, document.pk)
    assert not path.exists()
    report = files.check_files()
    assert report.missing == [] and report.orphans == []
