import re

from django.test import Client


def test_openapi_document_is_served_with_version(db: None) -> None:
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert document["info"]["version"] == "1"
    assert "/api/v1/catalog/procedures" in document["paths"]


def test_docs_page_loads_nothing_from_another_host(db: None) -> None:
    response = Client().get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any(s.endswith("swagger-ui-bundle.js") for s in sources)
    assert all(s.startswith("/") and not s.startswith("//") for s in sources), sources


def test_vietnamese_text_is_sent_as_utf8_not_escaped(db: None) -> None:
    response = Client().get("/api/v1/catalog/procedures/9.999999")
    assert "Không tìm thấy" in response.content.decode("utf-8")
