"""`deliver_pending()` sends the outbox to a real local HTTP server: every message valid, in
order per dossier, retried with backoff, held back behind an earlier one that is not accepted."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import timezone

from motcua.dossiers.models import DossierEvent
from motcua.dossiers.sample import World
from motcua.nationalsync import delivery
from motcua.nationalsync.models import MessageState, OutboxMessage
from motcua.nationalsync.tests.portal import Portal
from motcua.nationalsync.tests.scenario import walk


def _keys_by_dossier(portal: Portal) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for item in portal.accepted():
        out[item.body["data"][0]["MaHoSo"]].append(item.key)
    return out


def _expected(dossier_code: str) -> list[str]:
    return [m.key for m in OutboxMessage.objects.filter(dossier__code=dossier_code).order_by("position")]


def test_every_message_reaches_the_portal_valid_and_in_order_per_dossier(
    world: World, sync_on: None, portal: Portal
) -> None:
    dossiers = walk(world)
    report = delivery.deliver_pending()
    total = OutboxMessage.objects.count()
    assert report.sent == total == 2 * DossierEvent.objects.count()
    assert [(r.key, r.problems) for r in portal.accepted() if r.problems] == []
    assert len(portal.accepted()) == total  # each once
    for dossier in dossiers:
        assert _keys_by_dossier(portal)[dossier.code] == _expected(dossier.code)
    assert {r.authorization for r in portal.accepted()} == {"Bearer token-of-the-province"}
    assert not OutboxMessage.objects.exclude(state=MessageState.SENT).exists()
    assert delivery.deliver_pending().sent == 0  # nothing twice


def test_a_message_not_accepted_is_retried_after_its_backoff_and_later_ones_of_its_dossier_wait(
    world: World, sync_on: None, portal: Portal, settings: object
) -> None:
    settings.MOTCUA_SYNC_RETRY_SECONDS = 60  # type: ignore[attr-defined]
    full, *others = walk(world)
    keys = _expected(full.code)
    portal.fail_first[keys[2]] = 2  # the portal is busy twice for the third message
    delivery.deliver_pending()
    assert _keys_by_dossier(portal)[full.code] == keys[:2]
    for other in others:  # other dossiers are not held back
        assert _keys_by_dossier(portal)[other.code] == _expected(other.code)
    held = OutboxMessage.objects.get(dossier=full, position=keys.index(keys[2]) + 2)
    assert held.attempts == 1 and "HTTP 503" in held.last_error
    assert held.next_attempt_at is not None
    assert dt.timedelta(seconds=55) < held.next_attempt_at - timezone.now() <= dt.timedelta(seconds=60)

    assert delivery.deliver_pending().sent == 0  # not due yet
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=61), tick=True):
        delivery.deliver_pending()  # second failure: the wait doubles
    held.refresh_from_db()
    assert held.attempts == 2 and held.state == MessageState.PENDING
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=61 + 121), tick=True):
        delivery.deliver_pending()
    assert _keys_by_dossier(portal)[full.code] == keys
    assert [r for r in portal.accepted() if r.problems] == []


def test_after_the_last_attempt_a_message_waits_for_the_administrator(
    world: World, sync_on: None, portal: Portal, settings: object
) -> None:
    settings.MOTCUA_SYNC_MAX_ATTEMPTS = 2  # type: ignore[attr-defined]
    settings.MOTCUA_SYNC_RETRY_SECONDS = 1  # type: ignore[attr-defined]
    full = walk(world)[0]
    keys = _expected(full.code)
    portal.refuse.add(keys[0])  # error_code -1 inside a 200
    delivery.deliver_pending()
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=5), tick=True):
        report = delivery.deliver_pending()
    assert report.gave_up == 1
    first = OutboxMessage.objects.get(dossier=full, position=2)
    assert first.state == MessageState.FAILED and "error_code -1" in first.last_error
    assert full.code not in _keys_by_dossier(portal)
    with time_machine.travel(timezone.now() + dt.timedelta(hours=7), tick=True):
        assert delivery.deliver_pending().sent == 0  # failed for good: nothing after it goes

    portal.refuse.clear()
    assert delivery.resend([first]) == 1
    delivery.deliver_pending()
    assert _keys_by_dossier(portal)[full.code] == keys


def test_a_portal_that_cannot_be_reached_is_an_attempt_with_its_error(
    world: World, sync_on: None, settings: object
) -> None:
    settings.MOTCUA_SYNC_URL = "http://127.0.0.1:9/unreachable"  # type: ignore[attr-defined]
    settings.MOTCUA_SYNC_TIMEOUT_SECONDS = 2  # type: ignore[attr-defined]
    walk(world)
    report = delivery.deliver_pending()
    assert report.sent == 0 and report.failed_attempts == 4  # one per dossier: the rest wait
    assert OutboxMessage.objects.filter(attempts=1).count() == 4


def test_the_deliver_command_sends_and_reports(world: World, sync_on: None, portal: Portal, capsys) -> None:
    walk(world)
    call_command("sync", "deliver", "--json")
    assert f'"sent": {OutboxMessage.objects.count()}' in capsys.readouterr().out


def test_the_deliver_command_refuses_to_run_without_an_endpoint(settings: object, db: None) -> None:
    settings.MOTCUA_SYNC_URL = ""  # type: ignore[attr-defined]
    with pytest.raises(CommandError) as error:
        call_command("sync", "deliver")
    assert error.value.returncode == 2 and "MOTCUA_SYNC_URL" in str(error.value)
