"""The dossier hook's subscriber: an event that concerns the applicant becomes outbox rows.

Runs inside the transition's transaction (motcua/dossiers/hooks.py): the rows commit or roll back
with the event, and the sending starts only after commit (`enqueue_on_commit`). Two queries per
notified event (who to tell and how; the rows), none for the others; one (the rows) when the
applicant has no account, whose addresses are on the applicant row the services read. Inside a
batch (`rows.batch`) the rows are queued and an applicant's addresses read once. On PostgreSQL
both travel with the transition's other statements (`rows.combining`).
"""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection

from motcua.core import rows as tables
from motcua.dossiers.models import Applicant, Dossier, DossierEvent
from motcua.jobs.runner import enqueue_on_commit
from motcua.notify.messages import NOTIFIED_ACTIONS
from motcua.notify.models import Channel, OutboxMessage, Preference

DELIVER = "motcua.notify.delivery.deliver"


_ADDRESS_KEYS = (
    "email", "phone", "language", "user_id", "user__email", "user__phone",
    "user__notification_preference__id", "user__notification_preference__email",
    "user__notification_preference__sms", "user__notification_preference__zalo",
)


@cache
def _addresses_sql() -> str:
    """The applicant, their account and its preference in one statement, built once per process.

    Written out rather than compiled by the ORM for each notified event (the ORM's `.values()`
    across three tables cost about a tenth of an online submission's Python). Only text,
    numbers and flags come back, which need no converter (the flags are tested for truth).
    """
    a, u, p = (tables.table(m) for m in (Applicant, get_user_model(), Preference))
    return (
        f"SELECT a.{a.column['email']}, a.{a.column['phone']}, a.{a.column['language']},"
        f" a.{a.column['user']}, u.{u.column['email']}, u.{u.column['phone']}, p.{p.pk_column},"
        f" p.{p.column['email']}, p.{p.column['sms']}, p.{p.column['zalo']}"
        f" FROM {a.name} a"
        f" LEFT JOIN {u.name} u ON u.{u.pk_column} = a.{a.column['user']}"
        f" LEFT JOIN {p.name} p ON p.{p.column['user']} = u.{u.pk_column}"
        f" WHERE a.{a.pk_column} = %s"
    )


def addresses(applicant_id: int) -> tuple[list[tuple[str, str]], str]:
    """[(channel, address)] the applicant is told on, and their language.

    A citizen with an account chooses the channels in their profile (email only until they do);
    the email address and phone number are the account's, else those written on the dossier.
    Someone without an account (a dossier handed in at the counter) is told by email if they gave one.
    """
    with connection.cursor() as cursor:
        # With the writes a transition keeps, and without dropping the dossiers a batch holds
        # (it reads no dossier or step): `rows.execute`.
        tables.execute(cursor, _addresses_sql(), [applicant_id])
        found = cursor.fetchone()
    if found is None:
        return [], "vi"
    row = dict(zip(_ADDRESS_KEYS, found, strict=True))
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


def _without_account(applicant: Applicant) -> tuple[list[tuple[str, str]], str]:
    """`addresses` of an applicant without an account, from the row in hand: email only."""
    targets = [(str(Channel.EMAIL), applicant.email)] if applicant.email else []
    return targets, applicant.language or "vi"


def _addresses_in_batch(applicant_id: int) -> tuple[list[tuple[str, str]], str]:
    """`addresses`, read once per batch (`rows.memo`: a batch job — the simulator, an import —
    changes no account, so an applicant's later events in the batch reuse the first reading)."""
    memo = tables.memo()
    if memo is None:
        return addresses(applicant_id)
    key = ("notify-addresses", applicant_id)
    found = memo.get(key)
    if found is None:
        found = memo[key] = addresses(applicant_id)
    return found


def on_event(dossier: Dossier, event: DossierEvent) -> None:
    if event.action not in NOTIFIED_ACTIONS:
        return
    loaded = dossier._state.fields_cache.get("applicant")
    if loaded is not None and loaded.user_id is None:
        # Known without a query: the services read the applicant with the dossier (the lock,
        # or the new dossier's own applicant).
        targets, language = _without_account(loaded)
    else:
        targets, language = _addresses_in_batch(dossier.applicant_id)
    if not targets:
        return
    table = tables.table(OutboxMessage)
    rows: list[OutboxMessage] = [
        table.new(  # type: ignore[misc]
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
    table.append_many(rows, key=send)
    if send:
        enqueue_on_commit(DELIVER, [row.pk for row in rows], task_name=f"notify {dossier.code}")
