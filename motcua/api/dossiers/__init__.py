"""Dossier endpoints: scoped reads, online submission with attachments, one endpoint per transition.

Every write calls one function of `motcua.dossiers.services` (STYLE.md rules 1, 2): these modules
check who asks and what they sent, and turn `DossierError` into the error format. Every read
starts from `Dossier.objects.visible_to(user)` (rule 9); a dossier outside the caller's scope is
404, exactly like one that does not exist, so codes cannot be probed.

Split by area: `schemas` (the routers and the input and output schemas), `reads`, `submission`
(creating a dossier, attaching files) and `transitions`. The modules register their endpoints on
the routers in the order they are imported below: literal paths (/export, /counter) before
/{code}, which would otherwise match them.
"""

from __future__ import annotations

# isort: off
# Registration order: /counter… (submission) and /export (reads) before /{code} (reads).
from motcua.api.dossiers import submission as submission
from motcua.api.dossiers import reads as reads
from motcua.api.dossiers import transitions as transitions
# isort: on
from motcua.api.dossiers.schemas import (
    ERRORS,
    MAX_FILES,
    Language,
    SlipKind,
    _available,
    detail,
    get_visible,
    lookup_router,
    router,
    summary,
    visible_dossiers,
)

__all__ = [
    "ERRORS", "MAX_FILES", "Language", "SlipKind", "_available", "detail", "get_visible", "lookup_router",
    "reads", "router", "submission", "summary", "transitions", "visible_dossiers",
]


def _keep_operation_ids() -> None:
    """Operation ids stay those of the former single module `motcua.api.dossiers`.

    Django Ninja names an operation after its function's module; clients generated from the
    OpenAPI schema keep their method names whichever module of this package holds the view.
    """
    for each in (router, lookup_router):
        for path_view in each.path_operations.values():
            for operation in path_view.operations:
                if operation.operation_id is None:
                    operation.operation_id = f"motcua_api_dossiers_{operation.view_func.__name__}"


_keep_operation_ids()
