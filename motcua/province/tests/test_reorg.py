"""`motcua reorg plan|apply` on a small made-up table with the Government's columns.

Huyện Mẫu (901) had four communes; on 1 July 2025:
  Xã An (90001) + Xã Bình (90002)          → Xã An Bình (90001: An's code kept)
  Xã Cường (90003), split                   → Xã Tân (90010, named first) and Xã Cường Dũng
  Xã Dũng (90004) + part of Xã Cường       → Xã Cường Dũng (90004: Dũng's code kept)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from motcua.accounts.models import Role, User
from motcua.agencies.models import Agency, AgencySuccession
from motcua.agencies.services import ensure_pre_reform_agencies
from motcua.catalog.models import ChannelKind, Field, Procedure, ProcedureVersion, TimeLimitUnit
from motcua.core.cli import BadInput
from motcua.dossiers import hooks, services
from motcua.dossiers.models import Applicant, Dossier, DossierEvent, Status
from motcua.geography.models import Unit
from motcua.worktime.core import TZ

TABLE = """Đơn vị hành chính từ ngày 01/7/2025,,,Đơn vị hành chính trước ngày 01/7/2025,,,,,
"Tỉnh, thành phố",Tên Xã mới,Mã Xã mới,Tên Xã cũ,Mã Xã cũ,Ghi chú,Quận/huyện,Tỉnh cũ,
TỈNH LẠNG SƠN,,,,,,,,
Tỉnh Lạng Sơn (20),Xã An Bình,90001,Xã An,90001,Nhập toàn bộ,Huyện Mẫu (901),Tỉnh Lạng Sơn (20),
Tỉnh Lạng Sơn (20),Xã An Bình,90001,Xã Bình ,90002,Nhập toàn bộ,Huyện Mẫu (901),Tỉnh Lạng Sơn (20),
Tỉnh Lạng Sơn (20),Xã Tân,90010,Xã Cường,90003,Nhập một phần,Huyện Mẫu (901),Tỉnh Lạng Sơn (20),
Tỉnh Lạng Sơn (20),Xã Cường Dũng,90004,Xã Cường,90003,Nhập một phần,Huyện Mẫu (901),Tỉnh Lạng Sơn (20),
Tỉnh Lạng Sơn (20),Xã Cường Dũng,90004,Xã Dũng,90004,Nhập toàn bộ,Huyện Mẫu (901),Tỉnh Lạng Sơn (20),
"""
RECEIVED = dt.datetime(2025, 6, 20, 9, 0, tzinfo=TZ)


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "conversion.csv"
    path.write_text(TABLE, encoding="utf-8")
    return path


class Province:
    def __init__(self, table: Path) -> None:
        call_command("units", "import", str(table), "--no-progress", stdout=StringIO(), stderr=StringIO())
        ensure_pre_reform_agencies("20")
        field = Field.objects.create(name="Hộ tịch")
        procedure = Procedure.objects.create(
            code="1.001193", name="Đăng ký khai sinh", field=field, at_commune=True
        )
        self.version = ProcedureVersion.objects.create(
            procedure=procedure,
            valid_from=dt.date(2024, 1, 1),
            content_hash="x",
            implementing_agency="Ủy ban nhân dân cấp xã",
        )
        self.version.channels.create(
            kind=ChannelKind.COUNTER, time_limit_value=3, time_limit_unit=TimeLimitUnit.WORKING_DAYS
        )
        self.people = 0

    def agency(self, code: str) -> Agency:
        return Agency.objects.get(code=code)

    def receptionist(self, centre: str) -> User:
        agency = self.agency(centre)
        return User.objects.get_or_create(
            username=f"r-{centre}", defaults={"role": Role.RECEPTIONIST, "agency": agency}
        )[0]

    def receive(self, centre: str, place: str | None, **kwargs: Any) -> Dossier:
        self.people += 1
        unit = Unit.objects.get(code=place, valid_to=dt.date(2025, 6, 30)) if place else None
        applicant = Applicant.objects.create(
            name=f"Người nộp {self.people}", id_number=f"02019{self.people:07d}", address_unit=unit
        )
        return services.receive_new_dossier(
            self.receptionist(centre), self.version, applicant, at=RECEIVED, **kwargs
        )  # type: ignore[arg-type]


@pytest.fixture
def province(db: None, table: Path) -> Province:
    return Province(table)


@pytest.fixture
def heard() -> Iterator[list[tuple[str, str]]]:
    events: list[tuple[str, str]] = []
    hooks.subscribe("test-reorg", lambda dossier, event: events.append((dossier.code, event.action)))
    yield events
    hooks.unsubscribe("test-reorg")


def run(action: str, table: Path, *extra: str) -> list[str]:
    out = StringIO()
    call_command("reorg", action, "--on", "2025-07-01", "--file", str(table), *extra, stdout=out)
    return out.getvalue().splitlines()


def test_plan_changes_nothing_and_apply_does_what_it_printed(province: Province, table: Path) -> None:
    at_binh = province.receive("900.02.91.H37", "90002")
    events = DossierEvent.objects.count()

    plan = run("plan", table)

    assert DossierEvent.objects.count() == events and Agency.objects.filter(is_active=False).count() == 0
    assert (
        f"  {at_binh.code} [2]: tiếp nhận 900.02.91.H37 → 900.01.91.H37; "
        f"giải quyết 900.02.90.H37 → 900.01.90.H37" in plan
    )
    applied = run("apply", table)
    assert applied[:-1] == plan[:-1]
    at_binh.refresh_from_db()
    assert (at_binh.receiving_agency.code, at_binh.competent_agency.code) == (
        "900.01.91.H37",
        "900.01.90.H37",
    )


def test_agencies_close_continue_under_a_kept_code_or_start(province: Province, table: Path) -> None:
    lines = run("apply", table)

    an = province.agency("900.01.90.H37")
    assert (
        an.is_active and an.name == "Ủy ban nhân dân xã An Bình" and an.unit.valid_from == dt.date(2025, 7, 1)
    )
    kept = AgencySuccession.objects.get(predecessor=an, successor=an)
    assert kept.kind == "continued" and kept.predecessor_name == "Ủy ban nhân dân xã An"
    binh = province.agency("900.02.90.H37")
    assert not binh.is_active and binh.valid_to == dt.date(2025, 6, 30)
    assert [s.successor.code for s in binh.successions.all()] == ["900.01.90.H37"]
    cuong = province.agency("900.03.91.H37")
    assert sorted((s.successor.code, s.kind) for s in cuong.successions.all()) == [
        ("900.04.91.H37", "partial"),
        ("900.10.91.H37", "partial"),
    ]
    assert province.agency("900.10.92.H37").valid_from == dt.date(2025, 7, 1)
    assert "  900.10.91.H37 Trung tâm Phục vụ hành chính công xã Tân" in lines
    district = province.agency("901.00.80.H37")
    assert not district.is_active
    assert {s.successor.code for s in district.successions.all()} == {
        "900.01.90.H37",
        "900.10.90.H37",
        "900.04.90.H37",
    }


def test_a_split_commune_sends_its_dossiers_to_the_first_successor_named(
    province: Province, table: Path
) -> None:
    dossier = province.receive("900.03.91.H37", "90003")

    run("apply", table)

    dossier.refresh_from_db()
    assert (
        dossier.receiving_agency.code == "900.10.91.H37" and dossier.competent_agency.code == "900.10.90.H37"
    )


def test_a_district_dossier_follows_the_applicant_commune_else_the_largest_successor(
    province: Province, table: Path
) -> None:
    committee = province.agency("901.00.80.H37")
    from_dung = province.receive("901.00.81.H37", "90004", competent_agency=committee)
    from_nowhere = province.receive("901.00.81.H37", None, competent_agency=committee)

    run("apply", table)

    from_dung.refresh_from_db()
    from_nowhere.refresh_from_db()
    assert from_dung.receiving_agency.code == "900.04.91.H37"
    assert from_nowhere.receiving_agency.code == "900.01.91.H37"  # An Bình took two of the four communes
    assert from_dung.code.startswith("901.00.81.H37-250620-")  # codes never change


def test_unfinished_steps_move_and_lose_their_assignee_finished_dossiers_stay(
    province: Province, table: Path, heard: list[tuple[str, str]]
) -> None:
    processing = province.receive("900.02.91.H37", "90002", forward=True)
    step = processing.current_step
    assert step is not None and step.agency.code == "900.02.90.H37"
    step.assignee = User.objects.create(username="cv-binh", role=Role.SPECIALIST, agency=step.agency)
    step.save()
    withdrawn = province.receive("900.02.91.H37", "90002")
    services.withdraw(province.receptionist("900.02.91.H37"), withdrawn, at=RECEIVED, reason="Rút")
    before = (withdrawn.receiving_agency_id, withdrawn.competent_agency_id, withdrawn.revision)

    run("apply", table)

    step.refresh_from_db()
    assert step.agency.code == "900.01.90.H37" and step.assignee is None
    processing.refresh_from_db()
    assert processing.status == Status.PROCESSING
    event = processing.events.get(action="rehome")
    unfinished = processing.steps.filter(finished_at__isnull=True).order_by("order")
    assert {s.agency.code for s in unfinished} == {"900.01.90.H37", "900.01.91.H37"}
    assert event.data["steps"] == [s.order for s in unfinished] and event.actor is None
    withdrawn.refresh_from_db()
    assert (withdrawn.receiving_agency_id, withdrawn.competent_agency_id, withdrawn.revision) == before
    rehomed = [event for event in heard if event[1] == "rehome"]
    assert rehomed == [(processing.code, "rehome")]  # through the one hook, once per moved dossier


def test_apply_refuses_a_plan_that_changed_since_it_was_printed(province: Province, table: Path) -> None:
    province.receive("900.02.91.H37", "90002")
    digest = run("plan", table)[-1].split(":")[1].split()[0]
    province.receive("900.02.91.H37", "90002")

    with pytest.raises(BadInput):
        run("apply", table, "--expect", digest)

    assert not Agency.objects.filter(is_active=False).exists()
    assert not DossierEvent.objects.filter(action="rehome").exists()


def test_an_agency_whose_unit_has_no_successor_stops_the_whole_reorganisation(
    province: Province, table: Path
) -> None:
    district = Unit.objects.get(code="901")
    lost = Unit.objects.create(
        code="90099", name="Xã Lạc", level="commune", parent=district, valid_to=dt.date(2025, 6, 30)
    )
    Agency.objects.create(
        code="900.99.90.H37", name="Ủy ban nhân dân xã Lạc", kind="commune_committee", unit=lost
    )
    province.receive("900.02.91.H37", "90002")
    err = StringIO()

    with pytest.raises(BadInput):
        call_command(
            "reorg", "apply", "--on", "2025-07-01", "--file", str(table), stdout=StringIO(), stderr=err
        )

    assert "900.99.90.H37" in err.getvalue()
    assert not Agency.objects.filter(is_active=False).exists() and not Agency.objects.filter(
        code="900.10.90.H37"
    )


def test_a_second_apply_has_nothing_left_to_do(province: Province, table: Path) -> None:
    province.receive("900.02.91.H37", "90002")
    run("apply", table)

    again = run("apply", table)

    assert "Hồ sơ đang giải quyết chuyển sang cơ quan kế thừa (0):" in again
    assert "Cơ quan thành lập (0):" in again


def test_the_plan_lists_officers_left_at_closed_agencies(province: Province, table: Path) -> None:
    province.receive("900.02.91.H37", "90002")  # its receptionist belongs to Bình's centre

    plan = run("plan", table)

    assert plan[plan.index("Cơ quan kết thúc còn tài khoản cán bộ (1):") + 1] == "  900.02.91.H37: 1 cán bộ"


def test_statistics_across_the_change_group_by_old_or_new_units(province: Province, table: Path) -> None:
    province.receive("900.01.91.H37", "90001")  # An
    province.receive("900.02.91.H37", "90002")  # Bình
    run("apply", table)
    an_binh = province.agency("900.01.91.H37")
    receptionist = User.objects.create(username="r-an-binh", role=Role.RECEPTIONIST, agency=an_binh)
    applicant = Applicant.objects.create(name="Người nộp sau", id_number="020190099999")
    services.receive_new_dossier(
        receptionist, province.version, applicant, at=dt.datetime(2025, 7, 10, 9, 0, tzinfo=TZ)
    )

    def figures(by: str) -> dict[str, int]:
        out = StringIO()
        call_command("reorg", "stats", "--from", "2025-06-01", "--to", "2025-07-31", "--by", by, stdout=out)
        return {line.split("\t")[0]: int(line.split("\t")[1]) for line in out.getvalue().splitlines()[1:]}

    assert figures("new") == {"Xã An Bình (90001)": 3}
    assert figures("old") == {"Xã An (90001)": 2, "Xã Bình (90002)": 1}


def test_the_rehome_transition_refuses_a_finished_dossier(province: Province) -> None:
    from motcua.dossiers.services import rehome_dossier

    dossier = province.receive("900.02.91.H37", "90002")
    services.withdraw(province.receptionist("900.02.91.H37"), dossier, at=RECEIVED, reason="Rút")
    target = province.agency("900.01.91.H37")
    revision = dossier.revision

    with pytest.raises(services.DossierError) as refused:
        rehome_dossier(dossier, receiving=target, competent=target, agency_map={},
                       effective=dt.date(2025, 7, 1))

    assert refused.value.code == "invalid_transition"
    dossier.refresh_from_db()
    assert dossier.revision == revision and dossier.receiving_agency.code == "900.02.91.H37"
