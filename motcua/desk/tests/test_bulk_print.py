"""Bulk print from the inbox: the chosen dossiers' slips in one PDF, within the officer's scope."""

from __future__ import annotations

import io

from django.test import Client
from pypdf import PdfReader

from motcua.dossiers import services
from motcua.e2e.world import World, submit_birth


def _received(world: World) -> str:
    dossier = submit_birth(world)
    services.receive_dossier(world.receptionist, dossier)
    return dossier.code


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_the_chosen_receipts_print_as_one_pdf_in_the_order_chosen(world: World) -> None:
    first, second = _received(world), _received(world)
    client = _client(world.receptionist)
    assert f'name="code" value="{first}"' in client.get("/desk/?box=all").content.decode()
    response = client.get("/desk/in-phieu/", {"code": [second, first], "kind": "receipt"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages]
    text = "\n".join(pages)
    assert text.index(second) < text.index(first)
    assert text.count("GIẤY TIẾP NHẬN HỒ SƠ") == 2


def test_a_dossier_outside_the_scope_or_without_its_slip_refuses_the_printout(world: World) -> None:
    mine = _received(world)
    waiting = submit_birth(world).code  # status 1: no receipt yet
    assert _client(world.receptionist).get("/desk/in-phieu/", {"code": [mine, waiting]}).status_code == 404
    # The Đồng Đăng receptionist does not see Đông Kinh's dossier.
    other = _client(world.other_receptionist)
    assert other.get("/desk/in-phieu/", {"code": [mine]}).status_code == 404
    unknown_kind = _client(world.receptionist).get("/desk/in-phieu/", {"code": [mine], "kind": "x"})
    assert unknown_kind.status_code == 404
