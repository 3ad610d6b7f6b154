"""Verify the per-dossier hash chains of the audit trail."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import F, Max
from django.db.models.functions import Coalesce

from motcua.dossiers.models import GENESIS_HASH, Dossier, DossierEvent


@dataclass(frozen=True)
class BrokenLink:
    """The first event of a dossier's chain that does not verify, and why."""

    dossier_code: str
    seq: int
    problem: str  # "seq_gap", "prev_hash", "hash", "missing_events", "head"


def verify_chains(dossier_ids: list[int] | None = None) -> Iterator[BrokenLink]:
    """Yield the first broken link of every broken chain (streaming: constant memory)."""
    events = (
        DossierEvent.objects.order_by("dossier_id", "seq")
        .select_related("dossier")
        .only(
            "dossier__code",
            "dossier__revision",
            "dossier__last_event_hash",
            "seq",
            "actor_id",
            "at",
            "action",
            "from_status",
            "to_status",
            "reason",
            "data",
            "prev_hash",
            "hash",
        )
    )
    if dossier_ids is not None:
        events = events.filter(dossier_id__in=dossier_ids)
    current: int | None = None
    last: DossierEvent | None = None  # the newest verified event of the current dossier
    expected_seq = 1
    previous = GENESIS_HASH
    broken = False
    reported: set[str] = set()
    for event in events.iterator(chunk_size=2000):
        if event.dossier_id != current:
            if not broken and last is not None and (link := _head_mismatch(last)):
                reported.add(link.dossier_code)
                yield link
            current, last, expected_seq, previous, broken = event.dossier_id, None, 1, GENESIS_HASH, False
        if broken:
            continue
        problem = None
        if event.seq != expected_seq:
            problem = "seq_gap"
        elif event.prev_hash != previous:
            problem = "prev_hash"
        elif event.compute_hash(event.dossier.code) != event.hash:
            problem = "hash"
        if problem:
            broken = True
            reported.add(event.dossier.code)
            yield BrokenLink(event.dossier.code, event.seq, problem)
            continue
        expected_seq += 1
        previous = event.hash
        last = event
    if not broken and last is not None and (link := _head_mismatch(last)):
        reported.add(link.dossier_code)
        yield link
    for link in _truncated(dossier_ids):
        if link.dossier_code not in reported:
            yield link


def _head_mismatch(last: DossierEvent) -> BrokenLink | None:
    """The chain head kept on the dossier row must be the hash of its newest event.

    (A chain cut at the end is reported by `_truncated` as missing events instead.)
    """
    dossier = last.dossier
    if dossier.revision == last.seq and dossier.last_event_hash != last.hash:
        return BrokenLink(dossier.code, last.seq, "head")
    return None


def _truncated(dossier_ids: list[int] | None) -> Iterator[BrokenLink]:
    """Chains cut at the end: every transition bumps `revision` once and appends one event."""
    dossiers = Dossier.objects.annotate(last=Coalesce(Max("events__seq"), 0)).filter(revision__gt=F("last"))
    if dossier_ids is not None:
        dossiers = dossiers.filter(pk__in=dossier_ids)
    for code, last in dossiers.values_list("code", "last"):
        yield BrokenLink(code, last + 1, "missing_events")
