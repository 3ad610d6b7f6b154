"""Views never compose transactions (STYLE.md): a screen that needs two service calls in one
transaction gets one service function instead. A view's own `transaction.atomic()` around
service calls also left stored files behind when it rolled back (issue #11, finding 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

import motcua

ROOT = Path(motcua.__file__).parent


@pytest.mark.parametrize("module", ["portal/views.py", "desk/views.py", "api/dossiers/reads.py",
                                    "api/dossiers/submission.py", "api/dossiers/transitions.py"])
def test_the_doors_leave_transactions_to_the_services(module: str) -> None:
    source = (ROOT / module).read_text(encoding="utf-8")
    assert "transaction.atomic" not in source
    assert "from django.db import transaction" not in source
