"""`motcua documents verify` (exit 0 only when valid) and `motcua documents ocr` from the command line."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from motcua.documents import signing
from motcua.documents.sample import BIRTH_CERTIFICATE, render_pdf
from motcua.dossiers.sample import World


def test_verify_a_valid_file_prints_the_signer_and_exits_0(signing_world: World, tmp_path: Path) -> None:
    path = tmp_path / "ok.pdf"
    path.write_bytes(signing.sign_bytes(render_pdf(BIRTH_CERTIFICATE), signing_world.ward_committee.code))
    out = StringIO()
    call_command("documents", "verify", str(path), stdout=out)  # no CommandError: exit code 0
    assert "Hợp lệ" in out.getvalue() and "UBND phường Đông Kinh" in out.getvalue()


def test_verify_an_unsigned_file_exits_1(db: None, tmp_path: Path) -> None:
    path = tmp_path / "plain.pdf"
    path.write_bytes(render_pdf(["Không ký"]))
    with pytest.raises(CommandError) as raised:
        call_command("documents", "verify", str(path), "--json", stdout=StringIO())
    assert raised.value.returncode == 1


def test_verify_a_missing_file_is_bad_input(db: None, tmp_path: Path) -> None:
    with pytest.raises(CommandError) as raised:
        call_command("documents", "verify", str(tmp_path / "none.pdf"))
    assert raised.value.returncode == 2


def test_ocr_command_prints_text_and_proposal(db: None, tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(render_pdf(BIRTH_CERTIFICATE))
    out = StringIO()
    call_command("documents", "ocr", str(path), "--json", stdout=out)
    body = json.loads(out.getvalue())
    assert body["proposal"]["number"] == "125/2025/KS"
    assert body["proposal"]["issue_date"] == "2025-03-14"
    assert "GIẤY KHAI SINH" in body["text"]
