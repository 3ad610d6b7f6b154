"""The API tests' small province (units, agencies, officers, citizens, two procedures), plus
a procedure with a fee and notes, for the assistant's tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.cache import cache

from motcua.api.tests.conftest import Dossiers, Province, build_dossiers, build_province
from motcua.assistant import knowledge
from motcua.catalog import search as catalog_search
from motcua.catalog.models import (
    Channel,
    ChannelKind,
    Field,
    LegalBasis,
    OnlineLevel,
    Procedure,
    ProcedureVersion,
    Requirement,
    TimeLimitUnit,
)


@pytest.fixture(autouse=True)
def _fresh_state() -> None:
    cache.clear()
    catalog_search.invalidate()
    knowledge.invalidate()


@pytest.fixture
def real_catalog(db: None) -> None:
    """The national catalog of 2026-07 imported into the test database, the search and the
    assistant's facts reading it fresh (the tests of everyday questions on real data)."""
    from pathlib import Path

    from django.conf import settings

    from motcua.catalog.importer import import_catalog

    import_catalog(Path(settings.DATA_DIR) / "catalog" / "procedures-2026-07.jsonl.gz", progress=False)
    catalog_search.invalidate()
    knowledge.invalidate()


@pytest.fixture
def province(db: None) -> Province:
    built = build_province()
    add_marriage()
    return built


@pytest.fixture
def dossiers(province: Province) -> Dossiers:
    return build_dossiers(province)


def add_marriage() -> Procedure:
    """Marriage registration with a fee that differs by channel, a note and a legal basis."""
    field = Field.objects.get(name="Hộ tịch")
    procedure = Procedure.objects.create(
        code="1.000894",
        name="Thủ tục đăng ký kết hôn",
        field=field,
        at_commune=True,
        applicants="Công dân Việt Nam",
    )
    version = ProcedureVersion.objects.create(
        procedure=procedure,
        valid_from=dt.date(2025, 7, 1),
        online_level=OnlineLevel.PARTIAL,
        decision="163/QĐ-BTP",
        content_hash="marriage",
        steps_text="Bước 1: Nộp tờ khai.",
    )
    Channel.objects.create(
        version=version,
        kind=ChannelKind.COUNTER,
        time_limit_value=Decimal(5),
        time_limit_unit=TimeLimitUnit.WORKING_DAYS,
        time_limit_text="5 Ngày làm việc",
        fee_amount=30000,
        fee_text="30.000 Đồng",
    )
    Channel.objects.create(
        version=version,
        kind=ChannelKind.ONLINE,
        time_limit_value=Decimal(5),
        time_limit_unit=TimeLimitUnit.WORKING_DAYS,
        time_limit_text="5 Ngày làm việc",
        fee_amount=15000,
        fee_text="15.000 Đồng (giảm 50% khi nộp trực tuyến)",
    )
    Requirement.objects.create(version=version, order=1, name="Tờ khai đăng ký kết hôn theo mẫu", originals=1)
    Requirement.objects.create(
        version=version, order=2, case="* Lưu ý:", name="Hai bên nam, nữ phải có mặt khi đăng ký kết hôn."
    )
    LegalBasis.objects.create(
        version=version, order=1, number="123/2015/NĐ-CP", title="Nghị định quy định chi tiết Luật Hộ tịch"
    )
    return procedure
