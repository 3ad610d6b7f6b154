"""The one hook through which the rest of motcua hears that a dossier changed.

The service layer calls `dispatch(dossier, event)` once per transition, inside the
transition's transaction, right after the event row is written — or, on PostgreSQL, kept to
travel with the transition's next statement (`core.rows.combining`; any query a handler runs
through Django sees it written first) — (STYLE.md: side effects are explicit). Apps above the
dossier core (statistics, notifications, national sync, …) register a handler in their
`AppConfig.ready()`; `dossiers` never imports them.

A handler
- runs in the same transaction: what it writes (a counter, an outbox row) commits or rolls
  back with the transition; an exception aborts the transition;
- must not send anything to the outside world itself: it writes an outbox row, and the sending
  happens after commit (`transaction.on_commit`) or in the background worker;
- gets the locked, saved dossier and the saved event, and should not query them again; the
  dossier's column values before the event are on `dossier._previous_values` (None when the
  transition inserted the dossier), for handlers that keep figures by difference.

Batch jobs that append many events in one transaction (the simulator) may ask a subscriber to
batch its own work (the statistics: `stats.facts.deferred()`); the hook itself is always called.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from motcua.dossiers.models import Dossier, DossierEvent

Handler = Callable[["Dossier", "DossierEvent"], None]

_handlers: list[tuple[str, Handler]] = []


def subscribe(name: str, handler: Handler) -> None:
    """Register `handler` under `name` (registering the same name again replaces it)."""
    for index, (existing, _h) in enumerate(_handlers):
        if existing == name:
            _handlers[index] = (name, handler)
            return
    _handlers.append((name, handler))


def unsubscribe(name: str) -> None:
    _handlers[:] = [(n, h) for n, h in _handlers if n != name]


def subscribers() -> list[str]:
    return [name for name, _h in _handlers]


def dispatch(dossier: Dossier, event: DossierEvent) -> None:
    """Tell every subscriber about `event` (called by the service layer only)."""
    for _name, handler in _handlers:
        handler(dossier, event)
