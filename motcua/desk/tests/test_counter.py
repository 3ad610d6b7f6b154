from __future__ import annotations

from typing import Any

from django.test import Client

from motcua.dossiers.models import Dossier, Status
from motcua.e2e.world import World, pdf


def _data(world: World, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "Hoàng Văn Nam", "id_number": "020188007777", "phone": "", "email": "",
        "address_unit": "", "street": "", "date_of_birth": "", "request_text": "", "sets": "1",
    }
    for r in world.birth.requirements.all():
        data.update({f"brought_{r.pk}": "on", f"originals_{r.pk}": "1", f"certified_copies_{r.pk}": "0",
                     f"photocopies_{r.pk}": "2", f"scan_{r.pk}": pdf(f"scan-{r.pk}.pdf")})
    data.update(overrides)
    return data


def test_the_counter_finds_the_procedure_by_everyday_words(client: Client, world: World) -> None:
    client.force_login(world.receptionist)
    page = client.get("/desk/counter/?q=dang ky khai sinh").content.decode()
    assert "/desk/counter/1.001193/" in page


def test_receiving_at_the_counter_records_the_documents_brought_and_their_counts(
        client: Client, world: World) -> None:
    client.force_login(world.receptionist)
    response = client.post("/desk/counter/1.001193/", _data(world))
    dossier = Dossier.objects.get()
    assert response["Location"] == f"/desk/dossiers/{dossier.code}/"
    assert dossier.status == Status.RECEIVED and dossier.channel == "counter"
    assert dossier.code.startswith(world.ward_center.code)
    assert [(d.originals, d.photocopies) for d in dossier.documents.all()] == [(1, 2), (1, 2)]
    assert dossier.files.count() == 2
    page = client.get(response["Location"]).content.decode()
    assert "slips/receipt.pdf" in page


def test_nothing_ticked_is_refused(client: Client, world: World) -> None:
    client.force_login(world.receptionist)
    data = {k: v for k, v in _data(world).items() if not k.startswith("brought_")}
    response = client.post("/desk/counter/1.001193/", data)
    assert response.status_code == 400
    assert "Chưa đánh dấu giấy tờ nào" in response.content.decode()
    assert not Dossier.objects.exists()


def test_only_receptionists_receive_at_the_counter(client: Client, world: World) -> None:
    client.force_login(world.specialist)
    assert client.get("/desk/counter/").status_code == 403
    assert client.post("/desk/counter/1.001193/", _data(world)).status_code == 403
    assert not Dossier.objects.exists()
