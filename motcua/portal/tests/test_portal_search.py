"""The portal's search is the site's one search, and offers online submission only where it exists."""

from __future__ import annotations

from django.test import Client

from motcua.e2e.world import World


def test_the_portal_search_offers_online_submission_for_an_online_procedure(
        client: Client, world: World) -> None:
    page = client.get("/portal/", {"q": "dang ky khai sinh"}).content.decode()
    assert "Thủ tục đăng ký khai sinh" in page
    assert 'href="/portal/submit/1.001193/"' in page


def test_the_portal_search_offers_the_centre_for_a_procedure_not_offered_online(
        client: Client, world: World) -> None:
    page = client.get("/portal/", {"q": "ket hon"}).content.decode()
    assert "Thủ tục đăng ký kết hôn" in page
    assert 'href="/portal/submit/1.001022/"' not in page
    assert 'href="/catalog/1.001022/#where"' in page
