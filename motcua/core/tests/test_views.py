import pytest
from django.test import Client


@pytest.mark.django_db
def test_home_page_is_vietnamese_by_default(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="vi">' in response.content.decode()


@pytest.mark.django_db
def test_health_check_answers_ok(client: Client) -> None:
    response = client.get("/healthz")
    assert response.json() == {"status": "ok"}
