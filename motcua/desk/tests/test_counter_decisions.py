"""Counter reception says exactly what was handed in, and decides in one action: receive, receive and
forward, or refuse with form 03 (issue #11, findings 3, 4 and 7)."""

from __future__ import annotations

from typing import Any

from django.test import Client

from motcua.dossiers.models import Dossier, DossierEvent, ResultDelivery, Status
from motcua.e2e.world import World, pdf, submit_birth


def _data(world: World, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "Hoàng Văn Nam", "id_number": "020188007777", "phone": "", "email": "",
        "address_unit": "", "street": "", "date_of_birth": "", "request_text": "Khai sinh cho con trai",
        "sets": "1", "result_delivery": "online",
    }
    for r in world.birth.requirements.all():
        data.update({f"originals_{r.pk}": "1", f"certified_copies_{r.pk}": "0", f"photocopies_{r.pk}": "0"})
    data.update(overrides)
    return data


def test_no_document_is_ticked_before_the_receptionist_ticks_it(client: Client, world: World) -> None:
    client.force_login(world.receptionist)
    page = client.get("/desk/counter/1.001193/").content.decode()
    assert " checked" not in page.split("Giấy tờ người nộp mang đến")[1].split("</fieldset>")[0]


def test_only_the_documents_ticked_are_recorded_with_the_request_and_result_delivery(
        client: Client, world: World) -> None:
    form = world.birth.requirements.get(order=1)
    client.force_login(world.receptionist)
    response = client.post("/desk/counter/1.001193/", _data(
        world, **{f"brought_{form.pk}": "on", f"scan_{form.pk}": pdf("to-khai.pdf")}))
    dossier = Dossier.objects.get()
    assert response.status_code == 302
    assert [d.name for d in dossier.documents.all()] == [form.name]
    assert (dossier.request, dossier.result_delivery) == ("Khai sinh cho con trai", ResultDelivery.ONLINE)
    page = client.get(f"/desk/dossiers/{dossier.code}/").content.decode()
    assert "Trực tuyến" in page and "Khai sinh cho con trai" in page


def test_receive_and_forward_at_the_counter_is_one_action(client: Client, world: World) -> None:
    form = world.birth.requirements.get(order=1)
    client.force_login(world.receptionist)
    client.post("/desk/counter/1.001193/", _data(
        world, decision="receive_and_forward", **{f"brought_{form.pk}": "on"}))
    dossier = Dossier.objects.get()
    assert dossier.status == Status.PROCESSING
    assert list(DossierEvent.objects.filter(dossier=dossier).values_list("action", flat=True)) == [
        "receive", "forward"]


def test_a_paper_dossier_is_refused_at_the_counter_with_form_03(client: Client, world: World) -> None:
    client.force_login(world.receptionist)
    response = client.post("/desk/counter/1.001193/", _data(
        world, decision="refuse", refusal_reason="Không có giấy chứng sinh"))
    dossier = Dossier.objects.get()
    assert dossier.status == Status.REFUSED and dossier.received_at is None
    assert response["Location"] == f"/desk/dossiers/{dossier.code}/"
    slip = client.get(f"/desk/dossiers/{dossier.code}/slips/refusal.pdf")
    assert slip.status_code == 200 and slip.content.startswith(b"%PDF")


def test_a_refusal_without_a_reason_changes_nothing(client: Client, world: World) -> None:
    client.force_login(world.receptionist)
    response = client.post("/desk/counter/1.001193/", _data(world, decision="refuse", refusal_reason=" "))
    assert response.status_code == 400
    assert "Cần ghi rõ lý do." in response.content.decode()
    assert not Dossier.objects.exists()


def test_the_desk_receives_and_forwards_an_online_dossier_in_one_action(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    client.force_login(world.receptionist)
    page = client.get(f"/desk/dossiers/{dossier.code}/").content.decode()
    assert "Tiếp nhận và chuyển xử lý" in page and "Yêu cầu hoàn thiện hồ sơ trước khi tiếp nhận" in page
    client.post(f"/desk/dossiers/{dossier.code}/act/receive_and_forward/", {"revision": dossier.revision})
    dossier.refresh_from_db()
    assert dossier.status == Status.PROCESSING


def test_the_desk_sends_an_online_dossier_back_for_completion(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    client.force_login(world.receptionist)
    client.post(f"/desk/dossiers/{dossier.code}/act/request_completion/", {
        "revision": dossier.revision, "request_completion-items": "Giấy chứng sinh",
        "request_completion-reason": "Bản chụp mờ"})
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED and dossier.sub_state == "completion_applicant"
    assert dossier.received_at is None
    assert dossier.code not in client.get("/desk/?box=to_receive").content.decode()
