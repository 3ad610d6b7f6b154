from __future__ import annotations

import datetime as dt
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.test import override_settings

from motcua.worktime import demo
from motcua.worktime.models import WorkingPeriod

pytestmark = pytest.mark.django_db


@override_settings(MOTCUA_PROVINCE_CODE="20")
def test_demo_creates_the_default_periods_once(tmp_path: Path) -> None:
    out = StringIO()
    command = SimpleNamespace(stdout=out)
    demo.load(command, tmp_path)
    demo.load(command, tmp_path)
    periods = list(WorkingPeriod.objects.filter(province_code="20").values_list("start", "end"))
    assert periods == [(dt.time(7), dt.time(11, 30)), (dt.time(13, 30), dt.time(17))]
    assert "07:00–11:30, 13:30–17:00" in out.getvalue()
