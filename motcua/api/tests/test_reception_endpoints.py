"""The API calls the same services as the desk and the portal: counter documents and refusal,
receive and forward, completion before reception, and the transitions the caller may run."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.api.tests.conftest import Dossiers, Province, client_for, token_client
from motcua.dossiers.models import Dossier, Status, SubState

PDF = b"%PDF-1.7\n%%EOF\n"


def counter(province: Province, **extra: Any) -> dict[str, Any]:
    return {"procedure_code": "1.001193", "applicant": {"name": "Lý Thị Dung", "id_number": "004206007890"},
            **extra}


def test_the_counter_records_exactly_the_documents_sent_and_the_result_delivery(province: Province) -> None:
    form = province.birth_version.requirements.get()
    response = token_client(province.receptionist_a).post("/api/v1/dossiers/counter", counter(
        province, request="Khai sinh", result_delivery="post",
        documents=[{"requirement_id": form.pk, "name": form.name, "originals": 1, "photocopies": 1}],
    ), content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    documents = [(d["requirement_id"], d["originals"], d["photocopies"]) for d in body["documents"]]
    assert documents == [(form.pk, 1, 1)]
    assert (body["request"], body["result_delivery"]) == ("Khai sinh", "post")


def test_a_counter_dossier_sent_without_documents_lists_none(province: Province) -> None:
    response = token_client(province.receptionist_a).post("/api/v1/dossiers/counter", counter(province),
                                                          content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["documents"] == []


def test_a_counter_dossier_is_refused_with_a_code_and_form_03(province: Province) -> None:
    client = token_client(province.receptionist_a)
    response = client.post("/api/v1/dossiers/counter/refuse", counter(province, reason="Sai thủ tục"),
                           content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == Status.REFUSED and body["received_at"] is None
    assert "refusal" in body["available_slips"]
    assert client.get(f"/api/v1/dossiers/{body['code']}/slips/refusal").status_code == 200


def test_a_refusal_without_a_reason_is_a_422_and_writes_nothing(province: Province) -> None:
    response = token_client(province.receptionist_a).post(
        "/api/v1/dossiers/counter/refuse", counter(province, reason=" "), content_type="application/json")
    assert response.status_code == 422
    assert not Dossier.objects.exists()


def test_receive_with_forward_hands_the_dossier_on_at_once(province: Province, dossiers: Dossiers) -> None:
    response = token_client(province.receptionist_a).post(
        f"/api/v1/dossiers/{dossiers.mine.code}/receive", {"forward": True}, content_type="application/json")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == Status.PROCESSING


def test_the_detail_lists_the_transitions_the_caller_may_run(province: Province, dossiers: Dossiers) -> None:
    desk = token_client(province.receptionist_a).get(f"/api/v1/dossiers/{dossiers.mine.code}").json()
    assert desk["available_actions"] == [
        "receive", "receive_and_forward", "refuse", "request_completion", "withdraw"]
    owner = client_for(province.citizen).get(f"/api/v1/dossiers/{dossiers.mine.code}").json()
    assert owner["available_actions"] == ["withdraw"]


def test_completion_before_reception_through_the_api(province: Province, dossiers: Dossiers) -> None:
    code = dossiers.mine.code
    asked = token_client(province.receptionist_a).post(
        f"/api/v1/dossiers/{code}/request-completion", {"items": ["Tờ khai rõ nét"], "reason": "Mờ"},
        content_type="application/json")
    assert asked.status_code == 200, asked.content
    assert asked.json()["sub_state"] == SubState.COMPLETION_WAITING_APPLICANT
    citizen = client_for(province.citizen)
    citizen.handler.enforce_csrf_checks = False
    form = province.birth_version.requirements.get()
    done = citizen.post(f"/api/v1/dossiers/{code}/complete-submission", {
        "note": "Đã chụp lại", "requirement_ids": [form.pk],
        "files": [SimpleUploadedFile("to-khai.pdf", PDF, "application/pdf")]})
    assert done.status_code == 200, done.content
    assert done.json()["sub_state"] == "" and done.json()["status"] == Status.SUBMITTED
