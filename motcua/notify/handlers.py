"""The dossier hook's subscriber: an event that concerns the applicant becomes outbox rows.

Runs inside the transition's transaction (motcua/dossiers/hooks.py): the rows commit or roll back
with the event, and the sending starts only after commit (`enqueue_on_commit`). Two statements per
notified event (who to tell and how; the rows), none for the others; one (the rows) when the
applicant has no account, whose addresses are on the applicant row the services read. On
PostgreSQL both travel with the transition's other statements (`rows.combining`).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import connection

from motcua.core import rows as tables
from motcua.dossiers.models import Applicant, Dossier, DossierEvent
from motcua.jobs.runner import enqueue_on_commit
from motcua.notify.messages import NOTIFIED_ACTIONS
from motcua.notify.models import Channel, OutboxMessage

DELIVER = "motcua.notify.delivery.deliver"


def addresses(applicant_id: int) -> tuple[list[tuple[str, str]], str]:
    """[(channel, address)] the applicant is told on, and their language.

    A citizen with an account chooses the channels in their profile (email only until they do);
    the email address and phone number are the account's, else those written on the dossier.
    Someone without an account (a dossier handed in at the counter) is told by email if they gave one.
    """
    row = _address_row(applicant_id)
    if row is None:
        return [], "vi"
    email = row["user__email"] or row["email"] if row["user_id"] else row["email"]
    phone = row["user__phone"] or row["phone"] if row["user_id"] else row["phone"]
    if row["user__notification_preference__id"] is not None:
        chosen = {
            Channel.EMAIL: row["user__notification_preference__email"],
            Channel.SMS: row["user__notification_preference__sms"],
            Channel.ZALO: row["user__notification_preference__zalo"],
        }
    else:
        chosen = {Channel.EMAIL: True, Channel.SMS: False, Channel.ZALO: False}
    address = {Channel.EMAIL: email, Channel.SMS: phone, Channel.ZALO: phone}
    return [
        (str(c), address[c]) for c in (Channel.EMAIL, Channel.SMS, Channel.ZALO) if chosen[c] and address[c]
    ], row["language"] or "vi"


_ADDRESS_FIELDS = (
    "email",
    "phone",
    "language",
    "user_id",
    "user__email",
    "user__phone",
    "user__notification_preference__id",
    "user__notification_preference__email",
    "user__notification_preference__sms",
    "user__notification_preference__zalo",
)
_ADDRESS_SQL: dict[str, str] = {}


def _address_row(applicant_id: int) -> dict[str, Any] | None:
    """The applicant's row with their account's addresses and choices.

    On PostgreSQL the ORM's SQL for it is compiled once per process and run with the services'
    statements (`rows.execute`: with the writes a transition keeps, and without dropping the
    dossiers a batch holds — it reads no dossier or step); elsewhere through the ORM."""
    query = Applicant.objects.filter(pk=applicant_id).values(*_ADDRESS_FIELDS)
    if connection.vendor != "postgresql":
        return query.first()
    sql = _ADDRESS_SQL.get(connection.alias)
    if sql is None:
        sql, params = query.query.sql_with_params()
        if list(params) != [applicant_id]:  # the only parameter: what the cached SQL relies on
            raise AssertionError(params)
        _ADDRESS_SQL[connection.alias] = sql
    with connection.cursor() as cursor:
        tables.execute(cursor, sql, [applicant_id])
        found = cursor.fetchone()
    return dict(zip(_ADDRESS_FIELDS, found, strict=True)) if found is not None else None


def _without_account(applicant: Applicant) -> tuple[list[tuple[str, str]], str]:
    """`addresses` of an applicant without an account, from the row in hand: email only."""
    targets = [(str(Channel.EMAIL), applicant.email)] if applicant.email else []
    return targets, applicant.language or "vi"


def on_event(dossier: Dossier, event: DossierEvent) -> None:
    if event.action not in NOTIFIED_ACTIONS:
        return
    loaded = dossier._state.fields_cache.get("applicant")
    if loaded is not None and loaded.user_id is None:
        # Known without a query: the services read the applicant with the dossier (the lock,
        # or the new dossier's own applicant).
        targets, language = _without_account(loaded)
    else:
        targets, language = addresses(dossier.applicant_id)
    if not targets:
        return
    rows = [
            OutboxMessage(
                key=f"event:{event.pk}:{channel}",
                event=event,
                channel=channel,
                recipient=address,
                language=language,
            )
            for channel, address in targets
        ]
    send = settings.MOTCUA_NOTIFY["send_on_commit"]
    # Queued inside a batch (`rows.batch`), with their keys reserved when they are sent on commit.
    tables.table(OutboxMessage).append_many(rows, key=send)
    if send:
        enqueue_on_commit(DELIVER, [row.pk for row in rows], task_name=f"notify {dossier.code}")
