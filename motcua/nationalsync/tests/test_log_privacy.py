"""A portal that refuses a message may quote the applicant back: the log and the command's report
carry the message key and the status, never the portal's text (docs/sync.md)."""

from __future__ import annotations

import io
import json
import logging

import pytest
from django.core.management import call_command

from motcua.dossiers.sample import World
from motcua.nationalsync import delivery
from motcua.nationalsync.models import OutboxMessage
from motcua.nationalsync.tests.portal import Portal
from motcua.nationalsync.tests.scenario import walk

# What the sample applicant's messages carry (motcua.dossiers.sample.World.applicant).
PERSONAL = ("020190001234", "0912345678", "Nguyễn Thị Hồng Nhung", "không hợp lệ")


def _first() -> OutboxMessage:
    first = OutboxMessage.objects.select_related("dossier").order_by("dossier_id", "position").first()
    assert first is not None
    return first


@pytest.mark.parametrize("answer", ["422", "error code inside a 200"])
def test_a_refusal_quoting_the_applicant_is_logged_with_its_status_only(
    world: World, sync_on: None, portal: Portal, caplog: pytest.LogCaptureFixture, answer: str
) -> None:
    walk(world)
    first = _first()
    key = first.key
    (portal.echo if answer == "422" else portal.echo_in_200).add(key)
    with caplog.at_level(logging.WARNING, logger="motcua.nationalsync"):
        report = delivery.deliver_pending()
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("motcua.nationalsync"))
    status = "HTTP 422" if answer == "422" else "error_code 42"
    assert f"{key} not accepted (attempt 1): {status}" in logged
    assert report.errors == [f"{key}: {status}"]
    for text in PERSONAL:
        assert text not in logged and text not in json.dumps(report.errors, ensure_ascii=False)
    # The administrator still sees what the portal said, on the message (admin only).
    first.refresh_from_db()
    assert "020190001234" in first.last_error


def test_an_error_code_quoting_the_applicant_is_logged_as_a_question_mark(
    world: World, sync_on: None, portal: Portal, caplog: pytest.LogCaptureFixture
) -> None:
    walk(world)
    first = _first()
    portal.echo_in_code.add(first.key)
    with caplog.at_level(logging.WARNING, logger="motcua.nationalsync"):
        report = delivery.deliver_pending()
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("motcua.nationalsync"))
    assert f"{first.key} not accepted (attempt 1): error_code ?" in logged
    assert report.errors == [f"{first.key}: error_code ?"]
    assert "020190001234" not in logged and "020190001234" not in "".join(report.errors)
    first.refresh_from_db()
    assert "ID020190001234" in first.last_error  # the administrator still sees it (admin only)


@pytest.mark.parametrize(("raw", "shown"), [("-1", "-1"), ("42", "42"), ("E_FORMAT.2", "E_FORMAT.2"),
                                            ("020190001234", "?"), ("0912345678", "?"), ("lỗi", "?"),
                                            ("a b", "?"), ("X" * 21, "?"), ("", "?"),
                                            ("0912.345.678", "?"), ("079-123-456", "?"),
                                            ("E-123.456", "E-123.456")])
def test_only_a_short_token_passes_as_an_error_code(raw: str, shown: str) -> None:
    assert delivery.error_code(raw) == shown


def test_the_sync_command_prints_no_text_of_the_portal(world: World, sync_on: None, portal: Portal) -> None:
    walk(world)
    key = _first().key
    portal.echo.add(key)
    out, err = io.StringIO(), io.StringIO()
    call_command("sync", "deliver", stdout=out, stderr=err)
    printed = out.getvalue() + err.getvalue()
    assert f"{key}: HTTP 422" in printed
    for text in PERSONAL:
        assert text not in printed
