"""Downloads in the portal and the desk: the proven type, always as an attachment."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from motcua.dossiers import services
from motcua.dossiers.models import Dossier
from motcua.e2e.world import World
from motcua.portal.tests.test_submit import _post

# A PDF header followed by HTML: a browser told "text/html" would run the script.
POLYGLOT = b"%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\n%%EOF\n"


def _submitted_polyglot(client: Client, world: World) -> tuple[Dossier, int]:
    client.force_login(world.citizen)
    first = world.birth.requirements.order_by("pk").first()
    assert first is not None
    client.post("/portal/submit/1.001193/", _post(world, **{
        f"doc_{first.pk}": SimpleUploadedFile("polyglot.html", POLYGLOT, "text/html")}))
    dossier = Dossier.objects.get()
    attached = dossier.files.get(original_name="polyglot.html")
    return dossier, attached.pk


def test_the_portal_serves_a_file_named_html_as_the_pdf_it_is(client: Client, world: World) -> None:
    dossier, pk = _submitted_polyglot(client, world)
    response = client.get(f"/portal/dossiers/{dossier.code}/files/{pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")


def test_the_desk_serves_a_file_named_html_as_the_pdf_it_is(client: Client, world: World) -> None:
    dossier, pk = _submitted_polyglot(client, world)
    officer = Client()
    officer.force_login(world.receptionist)
    response = officer.get(f"/desk/dossiers/{dossier.code}/files/{pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")


def test_slips_are_downloaded_as_attachments_in_portal_and_desk(client: Client, world: World) -> None:
    dossier, _ = _submitted_polyglot(client, world)
    services.receive_dossier(world.receptionist, dossier)
    officer = Client()
    officer.force_login(world.receptionist)
    for response in (client.get(f"/portal/dossiers/{dossier.code}/slips/receipt.pdf"),
                     officer.get(f"/desk/dossiers/{dossier.code}/slips/receipt.pdf")):
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("attachment")
