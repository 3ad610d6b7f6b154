"""The portal's form refuses what the model cannot store, with a message, and never answers 500."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from motcua.dossiers.models import Dossier
from motcua.e2e.world import World
from motcua.portal.tests.test_submit import _post

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


def test_a_phone_of_30_digits_is_refused_with_a_message(client: Client, world: World) -> None:
    client.force_login(world.citizen)
    response = client.post("/portal/submit/1.001193/", _post(world, phone="0" * 30))
    assert response.status_code == 400
    assert not Dossier.objects.exists()
    assert "tối đa 20 kí tự" in response.content.decode()


def test_letters_in_a_phone_are_refused_with_a_message(client: Client, world: World) -> None:
    client.force_login(world.citizen)
    response = client.post("/portal/submit/1.001193/", _post(world, phone="goi-toi-nhe"))
    assert response.status_code == 400
    assert not Dossier.objects.exists()
    assert "Số điện thoại chỉ gồm chữ số" in response.content.decode()


def test_a_file_name_of_1000_characters_is_accepted_and_shortened(client: Client, world: World) -> None:
    client.force_login(world.citizen)
    first = world.birth.requirements.order_by("pk").first()
    assert first is not None
    response = client.post("/portal/submit/1.001193/", _post(world, **{
        f"doc_{first.pk}": SimpleUploadedFile("x" * 996 + ".pdf", PDF, "application/pdf")}))
    assert response.status_code == 302
    names = [f.original_name for f in Dossier.objects.get().files.all()]
    assert all(0 < len(name) <= 255 for name in names)
