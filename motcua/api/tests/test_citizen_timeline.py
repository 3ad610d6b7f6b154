"""Citizens read the same timeline in the API as on the portal (portal.presentation.timeline)."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.api.tests.conftest import Dossiers, Province, client_for
from motcua.api.tests.test_dossiers_write import PDF
from motcua.dossiers import services
from motcua.portal.presentation import timeline


def _received_with_a_scan(province: Province, dossiers: Dossiers) -> None:
    services.receive_dossier(province.receptionist_a, dossiers.mine)
    services.attach_file(province.receptionist_a, dossiers.mine,
                         SimpleUploadedFile("ban-quet.pdf", PDF, "application/pdf"))


def test_a_citizen_sees_no_officer_names_internal_events_or_data(
        province: Province, dossiers: Dossiers) -> None:
    _received_with_a_scan(province, dossiers)
    events = client_for(province.citizen).get(f"/api/v1/dossiers/{dossiers.mine.code}/timeline").json()
    assert [e["action"] for e in events] == ["submit", "receive"]
    assert all(e["actor"] is None for e in events)
    assert all(e["data"] == {} for e in events)
    assert province.receptionist_a.full_name not in str(events)


def test_the_citizen_api_timeline_is_the_portal_timeline(province: Province, dossiers: Dossiers) -> None:
    _received_with_a_scan(province, dossiers)
    events = client_for(province.citizen).get(f"/api/v1/dossiers/{dossiers.mine.code}/timeline").json()
    portal = timeline(dossiers.mine, for_citizen=True)
    assert [(e["seq"], e["to_status"], e["reason"]) for e in events] == [
        (entry.seq, entry.status_code, entry.reason) for entry in portal]


def test_an_officer_still_sees_the_whole_record_with_names(province: Province, dossiers: Dossiers) -> None:
    _received_with_a_scan(province, dossiers)
    events = client_for(province.receptionist_a).get(f"/api/v1/dossiers/{dossiers.mine.code}/timeline").json()
    assert [e["action"] for e in events] == ["submit", "receive", "attach_file"]
    assert events[1]["actor"] == str(province.receptionist_a)
    assert events[2]["data"]["content_type"] == "application/pdf"
