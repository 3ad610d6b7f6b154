"""Re-homing a dossier when its agencies are reorganised (`motcua reorg apply`).

When units and agencies are merged (1 July 2025), a dossier in flight at an agency that
closes moves to the successor agency: its receiving agency, its deciding agency and the
agency of each step not yet finished. Its code never changes (the code names the agency that
received it on that day). A finished dossier (refused, withdrawn, stopped, returned) is
history and never moves.

Like every transition: one transaction, the row locked, one hash-chained event appended
through the same kernel (`_lock`, `_commit`, which dispatches the hook), so notifications and
national sync hear of it under the action name "rehome".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext

from motcua.agencies.models import Agency
from motcua.dossiers.models import CLOSED_STATUSES, Dossier, DossierStep
from motcua.dossiers.services.kernel import Actor, DossierError, _atomic, _commit, _lock, _now

REHOME_ACTION = "rehome"


def rehome_dossier(
    dossier: Dossier,
    *,
    receiving: Agency,
    competent: Agency,
    agency_map: dict[int, Agency],
    effective: dt.date,
    at: dt.datetime | None = None,
    actor: Actor = None,
    reason: str = "",
    data: dict[str, Any] | None = None,
) -> Dossier:
    """Move an unfinished dossier to its successor agencies; one "rehome" event.

    `agency_map` maps each closing agency's id to its successor, for the unfinished steps; a
    step at the former receiving or deciding agency goes to the new one. The assignee of a
    moved step is cleared: the officer belonged to the agency that closed.
    """
    at = _now(at)
    with _atomic():
        locked = _lock(dossier, actor)
        if locked.status in CLOSED_STATUSES:
            raise DossierError(
                "invalid_transition",
                gettext("Hồ sơ %(code)s đã kết thúc: không chuyển sang cơ quan kế thừa.")
                % {"code": locked.code},
            )
        if not (receiving.is_active and competent.is_active):
            raise DossierError("invalid_agency", gettext("Cơ quan kế thừa không còn hoạt động."))
        from_status = locked.status
        codes = dict(
            Agency.objects.filter(
                pk__in={locked.receiving_agency_id, locked.competent_agency_id}
            ).values_list("pk", "code")
        )
        old_receiving, old_competent = locked.receiving_agency_id, locked.competent_agency_id
        moved_steps = []
        for step in DossierStep.objects.filter(dossier_id=locked.pk, finished_at__isnull=True):
            if step.agency_id == old_receiving:
                target = receiving
            elif step.agency_id == old_competent:
                target = competent
            else:
                target = agency_map.get(step.agency_id, None) or Agency(pk=step.agency_id)
            if target.pk != step.agency_id:
                step.agency_id = target.pk
                step.assignee = None
                step.save(update_fields=["agency", "assignee"])
                moved_steps.append(step.order)
        locked.receiving_agency = receiving
        locked.competent_agency = competent
        _commit(
            dossier,
            locked,
            actor,
            at,
            REHOME_ACTION,
            from_status,
            reason,
            {
                "effective": effective.isoformat(),
                "from_receiving_agency": codes[old_receiving],
                "to_receiving_agency": receiving.code,
                "from_competent_agency": codes[old_competent],
                "to_competent_agency": competent.code,
                "steps": moved_steps,
                **(data or {}),
            },
        )
    return dossier
