"""`motcua agencies list`: codes, names, kinds and unit codes of a province's agencies."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.usefixtures("lang_son")


def _list(*args: str) -> list[dict[str, str]]:
    out = StringIO()
    call_command("agencies", "list", *args, "--json", stdout=out)
    return json.loads(out.getvalue())  # type: ignore[no-any-return]


def test_list_by_kind_gives_code_name_kind_and_unit_code() -> None:
    rows = _list("--province", "20", "--kind", "customs")
    assert rows[0] == {"code": "000.00.41.H37", "name": "Chi cục Hải quan khu vực quản lý tỉnh Lạng Sơn",
                       "kind": "customs", "unit_code": "20"}
    assert len(rows) == 6


def test_list_of_commune_police_gives_one_office_per_commune() -> None:
    rows = _list("--kind", "commune_police")
    assert len(rows) == 9
    assert {"code": "059.77.92.H37", "name": "Công an phường Đông Kinh", "kind": "commune_police",
            "unit_code": "05977"} in rows


def test_unknown_kind_exits_2_with_a_message() -> None:
    with pytest.raises(CommandError) as error:
        call_command("agencies", "list", "--kind", "navy", stdout=StringIO())
    assert error.value.returncode == 2
    assert "navy" in str(error.value)


def test_unknown_province_exits_2() -> None:
    with pytest.raises(CommandError) as error:
        call_command("agencies", "list", "--province", "99", stdout=StringIO())
    assert error.value.returncode == 2
