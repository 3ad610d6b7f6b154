"""Which rows of a procedure's document list are documents, and which are always required.

The national catalog mixes documents, alternatives and notes ("Lưu ý") in one list. The
dossier services (online submission, counter reception), the portal, the desk and the API
all read it through these functions, so they cannot disagree about what must be handed in.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from motcua.core.text import fold


def is_document(requirement: Any) -> bool:
    """A thing to hand in (some count of originals or copies), not a note of the catalog ("Lưu ý")."""
    return bool(requirement.originals or requirement.certified_copies or requirement.photocopies)


def is_always_required(requirement: Any) -> bool:
    """Needed in every case: a document not under a case heading, not worded "Trường hợp …" or "… nếu …".

    Only the plainly unconditional documents are enforced; the desk checks the rest (and may
    ask for a supplement).
    """
    conditional = bool(requirement.case) or _worded_as_condition(requirement.name)
    return is_document(requirement) and not conditional


@lru_cache(maxsize=4096)
def _worded_as_condition(name: str) -> bool:
    """ "Trường hợp …", "… nếu …" (a pure function of the text: each name is folded once per process)."""
    folded = fold(name)
    return folded.startswith("truong hop") or " neu " in folded or "(neu " in folded


def documents_of(requirements: Iterable[Any]) -> list[Any]:
    """The rows that are documents, in catalog order (notes left out)."""
    return [r for r in requirements if is_document(r)]


def missing_required(requirements: Iterable[Any], supplied_ids: Iterable[int | None]) -> list[Any]:
    """The always-required documents whose id is not among `supplied_ids`, in catalog order."""
    supplied = set(supplied_ids)
    return [r for r in requirements if is_always_required(r) and r.pk not in supplied]


def describe_counts(requirement: Any) -> str:
    """ "1 bản chính, 2 bản sao" — what the applicant must bring, in words."""
    from django.utils.translation import gettext

    parts = []
    if requirement.originals:
        parts.append(gettext("%(n)d bản chính") % {"n": requirement.originals})
    if requirement.certified_copies:
        parts.append(gettext("%(n)d bản sao chứng thực") % {"n": requirement.certified_copies})
    if requirement.photocopies:
        parts.append(gettext("%(n)d bản sao") % {"n": requirement.photocopies})
    return ", ".join(parts)
