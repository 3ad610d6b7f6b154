"""Which of a procedure version's required documents must be handed in (rules shared by every door).

The national catalog mixes documents, alternatives and notes in one list; only the plainly
unconditional documents are enforced at submission, the desk checks the rest (and may ask for
a supplement). The portal, the desk and the API use these two predicates.
"""

from __future__ import annotations

from typing import Any

from motcua.core.text import fold


def is_document(requirement: Any) -> bool:
    """A thing to hand in (some count of originals or copies), not a note of the catalog ("Lưu ý")."""
    return bool(requirement.originals or requirement.certified_copies or requirement.photocopies)


def is_always_required(requirement: Any) -> bool:
    """Needed in every case: not under a case heading, not worded "Trường hợp …" or "… nếu …"."""
    name = fold(requirement.name)
    worded_as_condition = name.startswith("truong hop") or " neu " in name or "(neu " in name
    conditional = bool(requirement.case) or worded_as_condition
    return is_document(requirement) and not conditional
