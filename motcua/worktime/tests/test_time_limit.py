from __future__ import annotations

from decimal import Decimal

import pytest

from motcua.worktime.core import LimitUnit, TimeLimit


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("5 working days", "5", LimitUnit.WORKING_DAYS),
        ("1 working day", "1", LimitUnit.WORKING_DAYS),
        ("5 ngày làm việc", "5", LimitUnit.WORKING_DAYS),
        ("5 ngay lam viec", "5", LimitUnit.WORKING_DAYS),
        ("0,5 ngày làm việc", "0.5", LimitUnit.WORKING_DAYS),
        ("  12   Ngày  Làm  Việc ", "12", LimitUnit.WORKING_DAYS),
        ("4 giờ làm việc", "4", LimitUnit.WORKING_HOURS),
        ("10 ngày làm việc.", "10", LimitUnit.WORKING_DAYS),
        ("4 working hours", "4", LimitUnit.WORKING_HOURS),
        ("2.5 working hours", "2.5", LimitUnit.WORKING_HOURS),
        ("30 ngày", "30", LimitUnit.CALENDAR_DAYS),
        ("30 days", "30", LimitUnit.CALENDAR_DAYS),
        ("30 calendar days", "30", LimitUnit.CALENDAR_DAYS),
        ("trong ngày", "0", LimitUnit.SAME_DAY_15H),
        ("same day", "0", LimitUnit.SAME_DAY_15H),
    ],
)
def test_limits_are_read_in_english_and_vietnamese(text: str, value: str, unit: LimitUnit) -> None:
    assert TimeLimit.parse(text) == TimeLimit(Decimal(value), unit)


@pytest.mark.parametrize(
    "text", ["", "5", "five working days", "5 weeks", "-5 days", "5 ngày nghỉ", "1e3 days"]
)
def test_bad_limits_raise_a_clear_value_error(text: str) -> None:
    with pytest.raises(ValueError, match="time limit"):
        TimeLimit.parse(text)


def test_a_limit_cannot_be_negative_even_when_built_directly() -> None:
    with pytest.raises(ValueError):
        TimeLimit(Decimal("-1"), LimitUnit.WORKING_DAYS)


def test_unit_values_match_the_catalog_choices() -> None:
    from motcua.catalog.models import TimeLimitUnit

    assert {u.value for u in LimitUnit} == set(TimeLimitUnit.values)


def test_limits_print_back_in_a_form_parse_reads() -> None:
    for text in ["5 working days", "0.5 working days", "4 working hours", "30 days"]:
        limit = TimeLimit.parse(text)
        assert str(limit) == text
        assert TimeLimit.parse(str(limit)) == limit
