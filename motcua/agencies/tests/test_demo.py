from __future__ import annotations

from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.management.base import OutputWrapper

from motcua.agencies import demo
from motcua.agencies.models import Agency
from motcua.geography.fixture import load_fixture
from motcua.geography.importer import apply_plan


@pytest.mark.django_db
def test_the_demo_creates_lang_sons_agencies_once(tmp_path: Path) -> None:
    apply_plan(load_fixture())
    out = StringIO()
    command = SimpleNamespace(stdout=OutputWrapper(out))
    demo.load(command, tmp_path)
    demo.load(command, tmp_path)
    # Committee, 15 departments (police included), 9 central offices and 5 border-gate customs,
    # the provincial centre, and per commune a committee, a centre and a police office.
    assert Agency.objects.count() == 1 + 15 + 9 + 5 + 1 + 3 * 9
    assert "tạo mới 58" in out.getvalue()
    assert "tạo mới 0, cập nhật 0, giữ nguyên 58" in out.getvalue()


@pytest.mark.django_db
def test_every_demo_agency_has_a_phone_for_the_slips_and_a_set_one_is_kept(tmp_path: Path) -> None:
    apply_plan(load_fixture())
    command = SimpleNamespace(stdout=OutputWrapper(StringIO()))
    demo.load(command, tmp_path)
    assert not Agency.objects.filter(phone="").exists()
    phones = list(Agency.objects.filter(kind__in=Agency.SERVICE_CENTER_KINDS).values_list("phone", flat=True))
    assert all(phone.startswith("0205 ") for phone in phones)  # Lạng Sơn's area code
    assert len(set(phones)) == len(phones)  # each centre its own line
    centre = Agency.objects.filter(kind__in=Agency.SERVICE_CENTER_KINDS).first()
    assert centre is not None
    Agency.objects.filter(pk=centre.pk).update(phone="0205 3999 999")
    demo.load(command, tmp_path)
    assert Agency.objects.get(pk=centre.pk).phone == "0205 3999 999"
