"""Signing as an agency (PAdES) and verifying offline: valid, modified after signing, unknown signer."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from pypdf import PdfReader

from motcua.documents import pki, signing
from motcua.documents.models import SignedDocument
from motcua.documents.sample import BIRTH_CERTIFICATE, render_pdf
from motcua.documents.verification import Verdict, verify_bytes
from motcua.dossiers.sample import World

VALIDATE_ELSEWHERE = """
import sys
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
with open(sys.argv[1], "rb") as handle:
    signature = PdfFileReader(handle).embedded_signatures[0]
    context = ValidationContext(trust_roots=[load_cert_from_pemder(sys.argv[2])], allow_fetching=False)
    status = validate_pdf_signature(signature, context)
    print(status.intact, status.valid, status.trusted, status.coverage.name)
"""


def _signed(world: World, **fields: Any) -> SignedDocument:
    qr = signing.QrFields(document_name="Giấy khai sinh", dossier_code="000.02.30.H37-260302-0001",
                          procedure_code="1.001193", holder_identifier="020190001234", **fields)
    return signing.sign_document(render_pdf(BIRTH_CERTIFICATE), world.ward_committee, qr)


def _bytes(document: SignedDocument) -> bytes:
    with document.file.open("rb") as handle:
        return handle.read()


def test_a_signed_result_validates_with_pyhanko_in_a_separate_process(signing_world: World,
                                                                      tmp_path: Path) -> None:
    path = tmp_path / "signed.pdf"
    path.write_bytes(_bytes(_signed(signing_world)))
    ca, _ = pki.ca_paths()
    done = subprocess.run([sys.executable, "-c", VALIDATE_ELSEWHERE, str(path), str(ca)],
                          capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.split() == ["True", "True", "True", "ENTIRE_FILE"]


def test_signed_document_verifies_valid_with_signer_and_time(signing_world: World) -> None:
    result = verify_bytes(_bytes(_signed(signing_world)))
    assert result.verdict == Verdict.VALID
    assert result.signer == "UBND phường Đông Kinh"
    assert result.signed_at is not None


def test_flipping_one_byte_after_signing_makes_verify_report_modified_and_exit_non_zero(
    signing_world: World, tmp_path: Path,
) -> None:
    data = bytearray(_bytes(_signed(signing_world)))
    data[len(data) // 3] ^= 0x01
    path = tmp_path / "tampered.pdf"
    path.write_bytes(bytes(data))
    env = {**os.environ, "MOTCUA_TESTING": "1", "MOTCUA_PKI_DIR": str(settings.MOTCUA_PKI_DIR)}
    done = subprocess.run([sys.executable, "-m", "motcua", "documents", "verify", str(path), "--json"],
                          capture_output=True, text=True, timeout=120, env=env, check=False)
    assert done.returncode != 0
    assert json.loads(done.stdout)["verdict"] == "modified"


def test_an_incremental_update_after_signing_is_reported_modified(signing_world: World) -> None:
    from pyhanko.pdf_utils.generic import pdf_name
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(_bytes(_signed(signing_world))))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    page[pdf_name("/Rotate")] = writer.root["/Pages"]["/Count"]  # any change to a page
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    assert verify_bytes(out.getvalue()).verdict == Verdict.MODIFIED


def test_a_copy_signed_by_an_unknown_ca_is_unknown_signer(signing_world: World, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives import serialization
    from pyhanko.sign import signers

    other_ca, other_key = pki.make_ca("CA giả mạo")
    cert, key = pki.issue_certificate(other_ca, other_key, "UBND phường Đông Kinh", "CA giả mạo")
    (tmp_path / "k.pem").write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    (tmp_path / "c.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    forged = signers.SimpleSigner.load(str(tmp_path / "k.pem"), str(tmp_path / "c.pem"))
    data = signing.sign_bytes(render_pdf(BIRTH_CERTIFICATE), "", signer=forged)
    result = verify_bytes(data)
    assert result.verdict == Verdict.UNKNOWN_SIGNER
    assert result.signer == "UBND phường Đông Kinh"


def test_unsigned_pdf_and_non_pdf_are_told_apart() -> None:
    assert verify_bytes(render_pdf(["Không ký"])).verdict == Verdict.UNSIGNED
    assert verify_bytes(b"GIF89a").verdict == Verdict.NOT_PDF


def test_qr_code_sits_in_the_top_left_corner_and_carries_the_circular_fields(signing_world: World) -> None:
    document = _signed(signing_world)
    page = PdfReader(io.BytesIO(_bytes(document))).pages[0]
    images = list(page.images)
    assert len(images) == 1
    payload = signing.QrFields(
        document_name="Giấy khai sinh", dossier_code="000.02.30.H37-260302-0001", procedure_code="1.001193",
        holder_identifier="020190001234", issued_at=document.issued_at,
    ).payload(signing.verification_link(document.id))
    assert payload.splitlines()[0].endswith(f"/xac-thuc/?id={document.id}")
    for expected in ("000.02.30.H37-260302-0001", "1.001193", "020190001234", "Giấy khai sinh",
                     signing.SYSTEM_NAME):
        assert expected in payload
    # The stamp is drawn in the top-left corner: its text starts near the left edge, near the top.
    found: list[tuple[float, float]] = []
    page.extract_text(visitor_text=lambda text, cm, tm, font, size: found.append((tm[4], tm[5]))
                      if "xac-thuc" in text else None)
    x, y = found[0]
    assert x < 30 and y > float(page.mediabox.height) - 120


def test_sign_command_signs_as_the_agency_and_records_the_document(signing_world: World,
                                                                    tmp_path: Path) -> None:
    source, out = tmp_path / "ket-qua.pdf", tmp_path / "ket-qua-da-ky.pdf"
    source.write_bytes(render_pdf(BIRTH_CERTIFICATE))
    call_command("documents", "sign", str(source), "--agency", signing_world.ward_committee.code,
                 "--out", str(out), "--name", "Trích lục khai sinh", "--holder", "020190001234")
    assert verify_bytes(out.read_bytes()).verdict == Verdict.VALID
    document = SignedDocument.objects.get()
    assert (document.name, document.agency) == ("Trích lục khai sinh", signing_world.ward_committee)


def test_sign_command_refuses_an_unknown_agency_with_exit_code_2(signing_world: World,
                                                                 tmp_path: Path) -> None:
    source = tmp_path / "a.pdf"
    source.write_bytes(render_pdf(["x"]))
    with pytest.raises(CommandError) as raised:
        call_command("documents", "sign", str(source), "--agency", "999.99.99.H99", "--out",
                     str(tmp_path / "b.pdf"))
    assert raised.value.returncode == 2
    assert not SignedDocument.objects.exists()


def test_sign_refuses_a_file_that_is_not_a_pdf(signing_world: World) -> None:
    with pytest.raises(signing.SigningError, match="không phải PDF"):
        signing.sign_document(b"not a pdf", signing_world.ward_committee, signing.QrFields("x"))
    assert not SignedDocument.objects.exists()
