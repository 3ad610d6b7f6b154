"""Queue the portal's messages for a dossier event, in the event's own transaction."""

from __future__ import annotations

from django.conf import settings

from motcua.dossiers.models import Dossier, DossierEvent
from motcua.nationalsync import messages
from motcua.nationalsync.models import OutboxMessage, Service


def queue_event(dossier: Dossier, event: DossierEvent) -> None:
    """The hook's handler: two outbox rows per event (dossier sync, then progress update).

    Off unless MOTCUA_SYNC_ENABLED: a province not yet connected pays nothing per transition.
    """
    if not settings.MOTCUA_SYNC_ENABLED:
        return
    OutboxMessage.objects.bulk_create([
        OutboxMessage(dossier=dossier, event=event, position=event.seq * 2, at=event.at,
                      service=Service.SYNC_DOSSIER, body=messages.sync_dossier(dossier, event)),
        OutboxMessage(dossier=dossier, event=event, position=event.seq * 2 + 1, at=event.at,
                      service=Service.UPDATE_PROGRESS, body=messages.update_progress(dossier, event)),
    ])
