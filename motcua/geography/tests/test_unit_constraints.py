"""A unit is unique by code, level and start date, including units valid since always (no start)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import checks
from django.db import IntegrityError, transaction

from motcua.geography.models import Unit

pytestmark = pytest.mark.django_db


def test_two_units_with_the_same_code_level_and_no_start_are_refused() -> None:
    Unit.objects.create(code="05977", name="Phường Vĩnh Trại", level=Unit.Level.WARD)
    with pytest.raises(IntegrityError), transaction.atomic():
        Unit.objects.create(code="05977", name="Phường Vĩnh Trại", level=Unit.Level.WARD)


def test_two_units_with_the_same_code_level_and_start_are_refused() -> None:
    Unit.objects.create(code="05977", name="Phường Đông Kinh", level=Unit.Level.WARD,
                        valid_from=dt.date(2025, 7, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Unit.objects.create(code="05977", name="Phường Đông Kinh", level=Unit.Level.WARD,
                            valid_from=dt.date(2025, 7, 1))


def test_a_reused_code_with_another_start_is_accepted() -> None:
    Unit.objects.create(code="05977", name="Phường Vĩnh Trại", level=Unit.Level.WARD,
                        valid_to=dt.date(2025, 6, 30))
    Unit.objects.create(code="05977", name="Phường Đông Kinh", level=Unit.Level.WARD,
                        valid_from=dt.date(2025, 7, 1))
    assert Unit.objects.filter(code="05977").count() == 2


def test_the_constraints_need_no_database_warning() -> None:
    # SQLite cannot do NULLS NOT DISTINCT (models.W047, printed before every command); partial
    # unique indexes work on SQLite and PostgreSQL alike.
    messages = checks.run_checks(databases=["default"])
    assert not [m for m in messages if m.obj is Unit]
