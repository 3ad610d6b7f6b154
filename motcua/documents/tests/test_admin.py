"""The admin lists documents and certified copies read-only, with ID numbers masked."""

from __future__ import annotations

from django.test import Client

from motcua.accounts.models import Role, User
from motcua.documents import services
from motcua.documents.models import Origin
from motcua.documents.sample import render_pdf
from motcua.dossiers.sample import World


def test_admin_lists_digitised_documents_masked_and_offers_no_add(world: World, client: Client) -> None:
    services.digitise([("a.pdf", render_pdf(["x"]))], holder_identifier="020190001234", origin=Origin.RESULT,
                      metadata=services.Metadata(number="9/KQ"))
    admin = User.objects.create(username="quantri", role=Role.SYSTEM_ADMIN, is_superuser=True, is_staff=True)
    client.force_login(admin)
    page = client.get("/admin/documents/digitiseddocument/").content.decode()
    assert "9/KQ" in page and "********1234" in page and "020190001234" not in page
    assert client.get("/admin/documents/digitiseddocument/add/").status_code == 403
    assert client.get("/admin/ecopy/certifiedcopy/").status_code == 200
