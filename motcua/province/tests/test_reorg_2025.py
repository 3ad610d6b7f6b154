"""The real 1 July 2025 conversion table applied to Lạng Sơn's pre-reform agencies and dossiers.

The test builds the province as it was on 30 June 2025 (its 11 districts and 194 communes,
their committees, desks and police, by motcua's code scheme), receives dossiers at every old
commune's desk and every district's desk, finishes some, then runs `reorg plan` and
`reorg apply` with the Government's file.
"""

from __future__ import annotations

import datetime as dt
import os
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from motcua.accounts.models import Role, User
from motcua.agencies.models import Agency, AgencySuccession
from motcua.agencies.services import agency_unit_on, ensure_pre_reform_agencies
from motcua.catalog.models import ChannelKind, Field, Procedure, ProcedureVersion, TimeLimitUnit
from motcua.dossiers import services
from motcua.dossiers.models import CLOSED_STATUSES, Applicant, Dossier, DossierEvent, Status
from motcua.dossiers.services import REHOME_ACTION
from motcua.geography.models import REFORM_DATE, Succession, Unit
from motcua.worktime.core import TZ

TABLE = settings.DATA_DIR / "units" / "conversion-2025-07-01.csv"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not TABLE.exists() and not os.environ.get("CI"),
        reason="the Government's data files are not on this machine",
    ),
]

RECEIVED = dt.datetime(2025, 6, 20, 9, 0, tzinfo=TZ)


def _birth_registration() -> ProcedureVersion:
    field = Field.objects.create(name="Hộ tịch")
    procedure = Procedure.objects.create(
        code="1.001193", name="Thủ tục đăng ký khai sinh", field=field, at_commune=True
    )
    version = ProcedureVersion.objects.create(
        procedure=procedure,
        valid_from=dt.date(2024, 1, 1),
        content_hash="test",
        implementing_agency="Ủy ban nhân dân cấp xã",
    )
    version.channels.create(
        kind=ChannelKind.COUNTER, time_limit_value=3, time_limit_unit=TimeLimitUnit.WORKING_DAYS
    )
    return version


def _applicant(unit: Unit, n: int) -> Applicant:
    return Applicant.objects.create(name=f"Người nộp {n}", id_number=f"0201900{n:05d}", address_unit=unit)


def _build_pre_reform_lang_son() -> None:
    call_command("units", "import", str(TABLE), "--no-progress", stdout=StringIO(), stderr=StringIO())
    ensure_pre_reform_agencies("20")
    version = _birth_registration()
    n = 0
    for centre in (
        Agency.objects.filter(
            kind__in=[Agency.Kind.COMMUNE_CENTER, Agency.Kind.DISTRICT_CENTER], code__endswith=".H37"
        )
        .select_related("unit")
        .order_by("code")
    ):
        receptionist = User.objects.create(username=f"r{centre.pk}", role=Role.RECEPTIONIST, agency=centre)
        if centre.kind == Agency.Kind.DISTRICT_CENTER:
            district_committee = centre.parent
            communes = list(Unit.objects.filter(parent=centre.unit).order_by("code"))
            place = communes[len(communes) // 2]
            n += 1
            services.receive_new_dossier(
                receptionist, version, _applicant(place, n), at=RECEIVED, competent_agency=district_committee
            )
            n += 1
            services.refuse_new_dossier(
                receptionist, version, _applicant(place, n), "Thiếu giấy tờ", at=RECEIVED
            )
            continue
        n += 1
        dossier = services.receive_new_dossier(receptionist, version, _applicant(centre.unit, n), at=RECEIVED)
        if n % 3 == 0:
            services.forward_dossier(receptionist, dossier, at=RECEIVED + dt.timedelta(hours=1))
        if n % 5 == 0:
            n += 1
            done = services.receive_new_dossier(
                receptionist, version, _applicant(centre.unit, n), at=RECEIVED
            )
            services.withdraw(receptionist, done, at=RECEIVED + dt.timedelta(hours=2), reason="Rút hồ sơ")


def _snapshot(dossiers: list[Dossier]) -> dict[str, tuple[int, int, int, int]]:
    return {d.code: (d.status, d.receiving_agency_id, d.competent_agency_id, d.revision) for d in dossiers}


@pytest.mark.django_db(transaction=False)
def test_the_2025_table_moves_every_open_dossier_to_its_successor_and_the_plan_is_what_apply_does() -> None:
    _build_pre_reform_lang_son()
    before = {d.code: d for d in Dossier.objects.select_related("receiving_agency", "competent_agency")}
    finished_before = _snapshot([d for d in before.values() if d.status in CLOSED_STATUSES])
    open_before = [d for d in before.values() if d.status not in CLOSED_STATUSES]
    assert len(open_before) == 194 + 11 and finished_before
    events_before = DossierEvent.objects.count()

    plan_out = StringIO()
    call_command("reorg", "plan", "--on", "2025-07-01", "--file", str(TABLE), stdout=plan_out)
    assert DossierEvent.objects.count() == events_before  # the plan changes nothing
    assert Agency.objects.filter(valid_from=REFORM_DATE).count() == 0
    plan_lines = plan_out.getvalue().splitlines()
    digest = plan_lines[-1].split(":")[1].split()[0]

    apply_out = StringIO()
    call_command(
        "reorg", "apply", "--on", "2025-07-01", "--file", str(TABLE), "--expect", digest, stdout=apply_out
    )
    apply_lines = apply_out.getvalue().splitlines()
    assert apply_lines[:-1] == plan_lines[:-1]  # the same changes, line for line

    # Agencies: the old communes' and districts' offices closed, the 65 new units staffed.
    new_units = Unit.objects.filter(parent__code="20", valid_from=REFORM_DATE)
    assert new_units.count() == 65
    for unit in new_units:
        kinds = set(Agency.objects.filter(unit=unit, is_active=True).values_list("kind", flat=True))
        assert kinds == {"commune_committee", "commune_center", "commune_police"}
    assert not Agency.objects.filter(is_active=True, unit__valid_to__lt=REFORM_DATE).exists()
    closed = Agency.objects.filter(is_active=False)
    assert closed.count() == 194 * 3 + 11 * 2 - AgencySuccession.objects.filter(kind="continued").count()
    assert all(a.valid_to == dt.date(2025, 6, 30) for a in closed)
    assert all(a.successions.exists() for a in closed)

    moved = {line.strip().split(" ")[0] for line in plan_lines if " [" in line and "→" in line}
    after = {
        d.code: d
        for d in Dossier.objects.select_related(
            "receiving_agency__unit", "competent_agency__unit", "applicant__address_unit"
        )
    }
    assert set(after) == set(before)  # codes unchanged, nothing created or lost
    for dossier in open_before:
        now = after[dossier.code]
        assert now.status == dossier.status
        for agency in (now.receiving_agency, now.competent_agency):
            assert agency.is_active and agency.unit.valid_from == REFORM_DATE
        old_unit = agency_unit_on(dossier.receiving_agency, dt.date(2025, 6, 30))
        place = now.applicant.address_unit if old_unit.level == "district" else old_unit
        successors = set(Succession.objects.filter(predecessor=place).values_list("successor_id", flat=True))
        assert now.receiving_agency.unit_id in successors
        events = list(now.events.filter(action=REHOME_ACTION))
        if dossier.code in moved:
            assert len(events) == 1
            assert events[0].data["from_receiving_agency"] == dossier.receiving_agency.code
            assert events[0].data["to_receiving_agency"] == now.receiving_agency.code
            assert events[0].data["to_competent_agency"] == now.competent_agency.code
        else:  # at an agency that continues under its code: already at the successor
            assert not events and now.receiving_agency_id == dossier.receiving_agency_id
    closed_ids = set(closed.values_list("pk", flat=True))
    expected = {d.code for d in open_before if {d.receiving_agency_id, d.competent_agency_id} & closed_ids}
    assert moved == expected and len(moved) == DossierEvent.objects.filter(action=REHOME_ACTION).count()
    assert 0 < len(moved) < len(open_before)  # some stay at an agency that kept its code
    assert _snapshot([after[c] for c in finished_before]) == finished_before

    out = StringIO()
    call_command("dossiers", "verify-audit", stdout=out)
    assert "toàn vẹn" in out.getvalue()
    second = StringIO()
    call_command("reorg", "plan", "--on", "2025-07-01", "--file", str(TABLE), stdout=second)
    assert (
        "(0):" in second.getvalue()
        and not Dossier.objects.filter(
            status__in=[Status.RECEIVED, Status.PROCESSING], receiving_agency__is_active=False
        ).exists()
    )
