from __future__ import annotations

from django.test import Client

from motcua.dossiers import services
from motcua.dossiers.models import Status
from motcua.e2e.world import World, advance_to_result_ready, pdf, submit_birth


def test_my_dossiers_lists_only_my_own(client: Client, world: World) -> None:
    mine = submit_birth(world)
    theirs = submit_birth(world, world.other_citizen)
    client.force_login(world.citizen)
    page = client.get("/portal/dossiers/").content.decode()
    assert mine.code in page and theirs.code not in page
    assert "Mới đăng ký" in page  # the status is written, not only coloured


def test_another_citizens_dossier_does_not_exist_for_me(client: Client, world: World) -> None:
    theirs = submit_birth(world, world.other_citizen)
    client.force_login(world.citizen)
    assert client.get(f"/portal/dossiers/{theirs.code}/").status_code == 404
    assert client.get(f"/portal/dossiers/{theirs.code}/slips/receipt.pdf").status_code == 404
    assert client.post(f"/portal/dossiers/{theirs.code}/withdraw/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Status.SUBMITTED


def test_the_dossier_page_shows_timeline_due_time_and_slips(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    services.receive_dossier(world.receptionist, dossier)
    client.force_login(world.citizen)
    page = client.get(f"/portal/dossiers/{dossier.code}/").content.decode()
    assert "Nộp hồ sơ trực tuyến" in page and "Tiếp nhận hồ sơ" in page
    assert "Được tiếp nhận" in page
    assert "Nông Thị Lan" not in page  # officers' names stay internal
    assert "slips/control.pdf" in page
    response = client.get(f"/portal/dossiers/{dossier.code}/slips/receipt.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_a_slip_that_does_not_exist_yet_is_not_found(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    client.force_login(world.citizen)
    assert client.get(f"/portal/dossiers/{dossier.code}/slips/refusal.pdf").status_code == 404


def test_the_citizen_withdraws_a_dossier(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    client.force_login(world.citizen)
    response = client.post(f"/portal/dossiers/{dossier.code}/withdraw/", {"reason": "Nộp nhầm"}, follow=True)
    dossier.refresh_from_db()
    assert dossier.status == Status.WITHDRAWN
    assert "Đã rút hồ sơ" in response.content.decode()


def test_a_withdrawal_reason_with_a_nul_character_is_refused_and_the_dossier_stays(
        client: Client, world: World) -> None:
    # The reason is read from the POST as typed: PostgreSQL refuses NUL in text (it was a 500).
    dossier = submit_birth(world)
    client.force_login(world.citizen)
    url = f"/portal/dossiers/{dossier.code}/withdraw/"
    response = client.post(url, {"reason": "Nộp\x00nhầm"}, follow=True)
    assert response.status_code == 200 and "Dữ liệu gửi lên không hợp lệ." in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.status == Status.SUBMITTED and not dossier.events.filter(action="withdraw").exists()


def test_the_citizen_answers_a_supplement_request_by_uploading_what_was_asked(
        client: Client, world: World) -> None:
    dossier = submit_birth(world)
    services.receive_dossier(world.receptionist, dossier)
    services.forward_dossier(world.receptionist, dossier)
    services.request_supplement(world.specialist, dossier, ["Giấy chứng sinh bản rõ nét"], "Bản chụp bị mờ")
    client.force_login(world.citizen)
    page = client.get(f"/portal/dossiers/{dossier.code}/").content.decode()
    assert "Bản chụp bị mờ" in page and "Giấy chứng sinh bản rõ nét" in page
    response = client.post(f"/portal/dossiers/{dossier.code}/supplement/", {"item_0": pdf("ro-net.pdf")})
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == Status.PROCESSING
    assert dossier.documents.filter(supplied_in_supplement=True, name="Giấy chứng sinh bản rõ nét").exists()
    assert dossier.files.filter(original_name="ro-net.pdf").exists()


def test_a_supplement_without_the_file_is_refused(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    services.receive_dossier(world.receptionist, dossier)
    services.forward_dossier(world.receptionist, dossier)
    services.request_supplement(world.specialist, dossier, ["Giấy chứng sinh"], "Thiếu")
    client.force_login(world.citizen)
    response = client.post(f"/portal/dossiers/{dossier.code}/supplement/", {})
    assert response.status_code == 400
    dossier.refresh_from_db()
    assert dossier.status == Status.SUPPLEMENT_REQUESTED


def test_the_result_is_downloadable_once_returned(client: Client, world: World) -> None:
    dossier = advance_to_result_ready(world, submit_birth(world))
    client.force_login(world.citizen)
    result_url = f"/portal/dossiers/{dossier.code}/result/"
    dossier.result_electronic = False
    type(dossier).objects.filter(pk=dossier.pk).update(result_electronic=False)
    assert client.get(result_url).status_code == 404
    services.return_result(world.receptionist, dossier)
    page = client.get(f"/portal/dossiers/{dossier.code}/").content.decode()
    assert "Đã trả kết quả" in page and result_url in page
    response = client.get(result_url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")  # type: ignore[attr-defined]


def test_the_citizen_sees_the_amount_to_pay_and_whether_it_is_paid(client: Client, world: World) -> None:
    dossier = submit_birth(world)
    services.receive_dossier(world.receptionist, dossier)
    services.forward_dossier(world.receptionist, dossier)
    services.request_payment(world.specialist, dossier, 1_250_000, reason="Lệ phí")
    client.force_login(world.citizen)
    page = client.get(f"/portal/dossiers/{dossier.code}/").content.decode()
    assert "1.250.000 đồng" in page and "chưa nộp" in page
    services.record_payment(world.receptionist, dossier)
    assert "đã nộp lúc" in client.get(f"/portal/dossiers/{dossier.code}/").content.decode()
