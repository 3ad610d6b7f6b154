"""The receipt slip (form 01) carries a QR code to rate the dossier's reception, once (issue #12, 6)."""

from __future__ import annotations

import io
import re

from django.test import Client
from pypdf import PdfReader

from motcua.catalog.models import ChannelKind
from motcua.centre.models import Rating
from motcua.dossiers import services as dossier_services
from motcua.dossiers import slips
from motcua.dossiers.models import Dossier

from .conftest import Floorplan, at


def _received(fp: Floorplan) -> Dossier:
    version = fp.world.birth
    return dossier_services.receive_new_dossier(
        fp.officer1, version, fp.world.applicant(), channel=ChannelKind.COUNTER,
        documents=dossier_services.catalog_documents(version), at=at("2026-03-02 08:30"))


def test_the_receipt_links_a_signed_rating_page_that_takes_one_rating(floorplan: Floorplan) -> None:
    dossier = _received(floorplan)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(slips.receipt_pdf(dossier))).pages)
    flat = re.sub(r"\s+", "", text)
    assert "Đánh giá mức độ hài lòng" in text
    url = slips.rating_url(dossier.code)
    assert re.sub(r"\s+", "", url) in flat
    path = url.split("://", 1)[1].split("/", 1)[1]
    client = Client()
    page = client.get(f"/{path}")
    assert page.status_code == 200 and dossier.code in page.content.decode()
    assert client.post(f"/{path}", {"level": "very_satisfied"}).status_code == 302
    again = client.post(f"/{path}", {"level": "not_satisfied"})
    assert again.status_code == 400 and "Bạn đã đánh giá: Rất hài lòng" in again.content.decode()
    rating = Rating.objects.get()
    assert (rating.dossier_id, rating.level) == (dossier.pk, "very_satisfied")


def test_a_guessed_or_forged_rating_link_is_not_found(floorplan: Floorplan) -> None:
    dossier = _received(floorplan)
    assert Client().get(f"/centre/danh-gia/{dossier.code}/").status_code == 404
    token = slips.rating_url(dossier.code).rstrip("/").rsplit("/", 1)[1]
    assert token.startswith(dossier.code + ":")
    assert Client().get(f"/centre/danh-gia/{token[:-2]}xx/").status_code == 404
    other = token.replace(dossier.code, dossier.code[:-1] + "2")  # the next code, same signature
    assert Client().get(f"/centre/danh-gia/{other}/").status_code == 404
