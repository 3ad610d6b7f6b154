from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client, override_settings

from motcua.worktime.calendars import calendar_for
from motcua.worktime.models import CalendarOverride

pytestmark = [pytest.mark.django_db, pytest.mark.urls("motcua.worktime.tests.urls")]


@override_settings(LANGUAGE_CODE="vi")
def test_an_administrator_adds_a_provincial_day_off_in_the_admin(admin_client: Client) -> None:
    assert admin_client.get("/admin/worktime/calendaroverride/").status_code == 200
    assert admin_client.get("/admin/worktime/workingperiod/add/").status_code == 200
    response = admin_client.post(
        "/admin/worktime/calendaroverride/add/",
        {"province_code": "20", "day": "2026-03-10", "kind": "day_off", "reason": "Thông báo số 1/TB-UBND"},
    )
    assert response.status_code == 302
    assert CalendarOverride.objects.get(day=dt.date(2026, 3, 10)).reason == "Thông báo số 1/TB-UBND"
    assert not calendar_for("20").is_working_day(dt.date(2026, 3, 10))
