"""The only place that changes a dossier: one function per transition (STYLE.md rules 1, 3, 4).

Every function here
- runs in one transaction and locks the dossier row (`SELECT … FOR UPDATE`, `kernel._lock`; on
  SQLite the IMMEDIATE transaction mode serialises writers), so two officers pressing the same button
  cannot both succeed: the second one gets `DossierError("already_handled")`;
- checks who is acting (role and agency) and what state the dossier is in;
- appends one hash-chained `DossierEvent` and tells the one hook (`hooks.dispatch`);
- takes the time as `at` (default: now), so the simulator can drive simulated time;
- raises `DossierError(code, message)` with a stable machine code and a translated message,
  and changes nothing when it does.

Views, the API, the portal, the simulator and background jobs call these functions;
none of them writes `status` itself.

The package is split by area — `kernel` (locking, events, codes, the hook), `reception`,
`processing`, `supplements` (and payments), `results`, `files`, `keys` (one-time submission
keys) — and this module re-exports
the public names, so callers keep writing `from motcua.dossiers import services` and
`services.receive_dossier(...)`.
"""

from __future__ import annotations

from motcua.dossiers.permissions import OFFICER_ROLES as OFFICER_ROLES
from motcua.dossiers.permissions import OPEN_FOR_LEADER as OPEN_FOR_LEADER
from motcua.dossiers.permissions import WITHDRAWABLE_STATUSES as WITHDRAWABLE_STATUSES
from motcua.dossiers.permissions import WORKING_STATUSES as WORKING_STATUSES
from motcua.dossiers.permissions import apology_still_possible as apology_still_possible
from motcua.dossiers.services.files import attach_file
from motcua.dossiers.services.kernel import (
    Actor,
    DossierError,
    Supplied,
    Upload,
    calendar,
    supported_language,
)
from motcua.dossiers.services.keys import AlreadySubmitted, SubmissionOnce
from motcua.dossiers.services.processing import (
    assign_step,
    forward_dossier,
    stop_processing,
    transfer_dossier,
    withdraw,
)
from motcua.dossiers.services.reception import (
    catalog_documents,
    clock_start,
    competence_for,
    competent_agency_for,
    complete_submission,
    receive_dossier,
    receive_new_dossier,
    refuse_dossier,
    refuse_new_dossier,
    request_completion,
    submit_online,
    time_limit_of,
    version_in_force,
)
from motcua.dossiers.services.reorg import REHOME_ACTION, rehome_dossier
from motcua.dossiers.services.results import apologize, approve_result, mark_result_ready, return_result
from motcua.dossiers.services.supplements import (
    receive_supplement,
    record_payment,
    request_payment,
    request_supplement,
)

__all__ = [
    "REHOME_ACTION", "AlreadySubmitted", "SubmissionOnce",
    "rehome_dossier",
    "OFFICER_ROLES", "OPEN_FOR_LEADER", "WITHDRAWABLE_STATUSES", "WORKING_STATUSES", "Actor",
    "DossierError", "Supplied", "Upload", "apologize", "apology_still_possible", "approve_result",
    "assign_step", "attach_file", "calendar", "catalog_documents", "clock_start", "competence_for",
    "competent_agency_for", "complete_submission", "forward_dossier", "mark_result_ready",
    "receive_dossier", "receive_new_dossier", "receive_supplement", "record_payment",
    "refuse_dossier", "refuse_new_dossier", "request_completion", "request_payment",
    "request_supplement", "return_result", "stop_processing", "submit_online", "supported_language",
    "time_limit_of", "transfer_dossier", "version_in_force", "withdraw",
]
