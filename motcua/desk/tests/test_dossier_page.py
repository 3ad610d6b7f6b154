from __future__ import annotations

from django.test import Client

from motcua.dossiers import services
from motcua.dossiers.models import Status
from motcua.e2e.world import World, advance_to_result_ready, pdf, submit_birth


def _act(client: Client, code: str, name: str, revision: int, **data: object) -> object:
    return client.post(f"/desk/dossiers/{code}/act/{name}/", {"revision": revision, **data})


def test_a_receptionist_of_another_commune_cannot_open_the_dossier(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    client.force_login(world.other_receptionist)
    assert client.get(f"/desk/dossiers/{dossier.code}/").status_code == 404
    assert client.get(f"/desk/dossiers/{dossier.code}/slips/receipt.pdf").status_code == 404
    _act(client, dossier.code, "receive", dossier.revision)
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED


def test_only_the_transitions_the_role_allows_are_offered(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    client.force_login(world.receptionist)
    page = client.get(f"/desk/dossiers/{dossier.code}/").content.decode()
    assert "/act/receive/" in page and "/act/refuse/" in page
    assert "/act/approve/" not in page and "/act/return_result/" not in page
    client.force_login(world.specialist)
    page = client.get(f"/desk/dossiers/{dossier.code}/").content.decode()
    assert "/act/" not in page


def test_the_desk_receives_an_online_dossier(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    client.force_login(world.receptionist)
    response = _act(client, dossier.code, "receive", dossier.revision)
    dossier.refresh_from_db()
    assert dossier.status == Status.RECEIVED and dossier.due_at is not None
    page = client.get(response["Location"]).content.decode()  # type: ignore[index]
    assert "Đã tiếp nhận hồ sơ" in page and "slips/control.pdf" in page


def test_a_stale_page_learns_that_the_dossier_was_already_handled(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    stale = dossier.revision
    services.receive_dossier(world.receptionist, dossier)
    client.force_login(world.receptionist)
    response = client.post(f"/desk/dossiers/{dossier.code}/act/refuse/",
                           {"revision": stale, "refuse-reason": "Thiếu giấy tờ"}, follow=True)
    assert "vừa được người khác xử lý" in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.status == Status.RECEIVED


def test_refusing_asks_for_the_reason(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    client.force_login(world.receptionist)
    response = client.post(f"/desk/dossiers/{dossier.code}/act/refuse/", {"revision": dossier.revision})
    assert response.status_code == 400
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED
    client.post(f"/desk/dossiers/{dossier.code}/act/refuse/",
                {"revision": dossier.revision, "refuse-reason": "Giấy chứng sinh không hợp lệ"})
    dossier.refresh_from_db()
    assert dossier.status == Status.REFUSED
    assert client.get(f"/desk/dossiers/{dossier.code}/slips/refusal.pdf").content.startswith(b"%PDF")


def test_the_whole_path_through_the_workspace(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    client.force_login(world.receptionist)
    _act(client, dossier.code, "receive", dossier.revision)
    dossier.refresh_from_db()
    _act(client, dossier.code, "forward", dossier.revision)
    dossier.refresh_from_db()
    assert dossier.status == Status.PROCESSING
    client.force_login(world.specialist)
    page = client.get(f"/desk/dossiers/{dossier.code}/").content.decode()
    assert "/act/result_ready/" in page and "/act/forward/" not in page
    client.post(f"/desk/dossiers/{dossier.code}/act/result_ready/", {
        "revision": dossier.revision, "result_ready-result_text": "Giấy khai sinh số 12",
        "result_ready-result_file": pdf("kq.pdf"),
    })
    dossier.refresh_from_db()
    client.force_login(world.leader)
    _act(client, dossier.code, "approve", dossier.revision)
    dossier.refresh_from_db()
    assert dossier.status == Status.RESULT_READY
    client.force_login(world.receptionist)
    _act(client, dossier.code, "return_result", dossier.revision)
    dossier.refresh_from_db()
    assert dossier.status == Status.RETURNED


def test_a_second_supplement_request_is_not_offered_to_a_specialist(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    services.receive_dossier(world.receptionist, dossier)
    services.forward_dossier(world.receptionist, dossier)
    client.force_login(world.specialist)
    client.post(f"/desk/dossiers/{dossier.code}/act/request_supplement/", {
        "revision": dossier.revision, "request_supplement-items": "Giấy chứng sinh\nTờ khai có chữ ký",
        "request_supplement-reason": "Thiếu chữ ký",
    })
    dossier.refresh_from_db()
    assert dossier.status == Status.SUPPLEMENT_REQUESTED
    assert dossier.supplement_requests.get().items == ["Giấy chứng sinh", "Tờ khai có chữ ký"]
    services.receive_supplement(world.citizen, dossier)
    page = client.get(f"/desk/dossiers/{dossier.code}/").content.decode()
    assert "/act/request_supplement/" not in page


def test_the_desk_returns_a_result_and_prints_slips(client: Client, world: World) -> None:
    dossier = advance_to_result_ready(world, submit_birth(world))
    client.force_login(world.receptionist)
    page = client.get(f"/desk/dossiers/{dossier.code}/").content.decode()
    assert "/act/return_result/" in page
    for kind in ("receipt", "control"):
        assert client.get(f"/desk/dossiers/{dossier.code}/slips/{kind}.pdf").content.startswith(b"%PDF")


def test_officers_attach_scans(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    client.force_login(world.receptionist)
    client.post(f"/desk/dossiers/{dossier.code}/attach/", {"scan": pdf("them.pdf")})
    attached = dossier.files.get(original_name="them.pdf")
    response = client.get(f"/desk/dossiers/{dossier.code}/files/{attached.pk}/")
    assert response.status_code == 200


def test_a_leader_assigns_the_current_step_to_a_specialist(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    services.receive_dossier(world.receptionist, dossier)
    services.forward_dossier(world.receptionist, dossier)
    client.force_login(world.specialist)
    assert "/act/assign/" not in client.get(f"/desk/dossiers/{dossier.code}/").content.decode()
    client.force_login(world.leader)
    _act(client, dossier.code, "assign", dossier.revision, **{"assign-assignee": world.specialist.pk})
    dossier.refresh_from_db()
    assert dossier.current_step is not None and dossier.current_step.assignee == world.specialist
