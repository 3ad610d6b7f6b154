"""A province's dossiers, simulated through the real service functions with simulated time.

Every dossier lives its whole life (submission or reception, hand-overs, supplements,
payments, transfers, apologies, withdrawals, refusals, results) by calling
`motcua.dossiers.services` with `at=` set to its simulated instants — never by inserting
rows. Actions that would happen after the end of the period are not taken: those dossiers
are still open, as they would be on that day.

Deterministic for a seed: one `random.Random(seed)` makes the cast, the catalog's weights and
the plan (each dossier's arrival, procedure, receiving centre and a seed of its own); each
dossier's life then draws only from its own `random.Random`. So a seed and a starting database
give the same dossiers (codes, procedures, channels, statuses, instants) whatever the number of
worker processes; only the database ids (and so the order of rows) differ between runs.

Work is batched: a batch of dossiers is one transaction, and the statistics of the dossiers
it touched are refreshed once at its end (`facts.deferred`). On PostgreSQL the dossiers are
shared among worker processes by receiving agency: an agency's dossiers are all played by one
process in arrival order, so processes never contend for the same code counter or daily
counter row and every agency's codes are the same as in a one-process run.
"""

from __future__ import annotations

import datetime as dt
import math
import multiprocessing
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import connection, connections, transaction
from django.db.models import Q, prefetch_related_objects
from django.utils.translation import gettext as _

from motcua.accounts.models import Role, User
from motcua.agencies.models import Agency
from motcua.agencies.services import province_prefix
from motcua.catalog.models import Channel, ChannelKind, OnlineLevel, ProcedureVersion
from motcua.core.cli import BadInput, PercentProgress
from motcua.core.forked import SILENCE, run_forked
from motcua.core.text import fold
from motcua.dossiers import services
from motcua.dossiers.models import Applicant, Dossier, Status
from motcua.dossiers.services import DossierError
from motcua.stats import facts
from motcua.worktime.calendars import calendar_for
from motcua.worktime.core import TZ, WorkCalendar

HOUR = dt.timedelta(hours=1)

# How common each field's procedures are (folded keyword of the field name → weight).
# Civil status and certification dominate a commune's desk; land and household business follow.
FIELD_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("chung thuc", 40.0),
    ("ho tich", 30.0),
    ("dat dai", 15.0),
    ("bao tro xa hoi", 6.0),
    ("ho kinh doanh", 5.0),
    ("thanh lap va hoat dong", 4.0),
    ("nguoi co cong", 3.0),
    ("xay dung", 3.0),
    ("doanh nghiep", 3.0),
    ("duong bo", 3.0),
    ("giao duc", 1.5),
    ("y te", 1.5),
    ("lao dong", 1.5),
    ("moi truong", 1.0),
    ("nong nghiep", 1.0),
    ("van hoa", 0.7),
)
SURNAMES = (
    "Nguyễn",
    "Hoàng",
    "Nông",
    "Lương",
    "Vi",
    "Lăng",
    "Hà",
    "Triệu",
    "Lộc",
    "Chu",
    "Mã",
    "Dương",
    "Lý",
    "Đinh",
    "Hứa",
    "Trần",
    "Lê",
    "Phạm",
    "Bế",
    "Đàm",
)
MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Thu", "Ngọc", "Thanh", "Hồng")
GIVEN = (
    "An",
    "Bình",
    "Hoa",
    "Lan",
    "Mai",
    "Tuấn",
    "Hải",
    "Hạnh",
    "Sơn",
    "Long",
    "Hương",
    "Thành",
    "Nhung",
    "Phương",
    "Quân",
    "Dung",
    "Hiền",
    "Khánh",
    "Linh",
    "Nam",
    "Tâm",
    "Vân",
    "Yến",
    "Cường",
    "Giang",
)
SIM_PREFIX = "sim."


@dataclass
class Mix:
    """Shares of the things that happen to a received dossier (realistic orders of magnitude)."""

    refused: float = 0.012  # online dossiers refused at reception
    withdrawn: float = 0.006
    stopped: float = 0.003
    supplement: float = 0.06
    supplement_unanswered: float = 0.12  # of the supplement requests
    second_supplement: float = 0.04  # of the answered ones (a leader overrides: late)
    late: float = 0.012
    apology: float = 0.8  # of the late ones
    transfer: float = 0.02  # commune-level dossiers passed on to a department
    postal: float = 0.02  # of the dossiers not submitted online
    province_at_commune: float = 0.3  # province-level dossiers handed in at a commune centre
    province_level: float = 0.15  # share of province-level dossiers
    after_hours_online: float = 0.3  # online submissions outside office hours


@dataclass
class Result:
    dossiers: int = 0
    transitions: int = 0
    seconds: float = 0.0
    outcomes: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    online_rate: float = 0.0
    workers: int = 1

    @property
    def per_second(self) -> float:
        return self.dossiers / self.seconds if self.seconds else 0.0


@dataclass
class Cast:
    receptionist: dict[int, User]
    specialist: dict[int, User]
    leader: dict[int, User]
    citizens: list[tuple[User, Applicant]]
    walk_ins: list[Applicant]
    departments: list[Agency]
    province_center: Agency | None
    commune_centers: list[Agency]
    center_weights: list[float]


@dataclass
class Offer:
    version: ProcedureVersion
    online: bool
    fee: int
    weight: float
    documents: list[Any] = field(default_factory=list)  # the catalog's documents, read once


@dataclass
class Plan:
    """One dossier as drawn by the plan: when, what, where, and the seed of its own life."""

    arrival: dt.datetime
    offer: Offer
    center: Agency
    seed: int


# ---------------------------------------------------------------------------------------
# Set-up: officers per agency, citizens and applicants (idempotent)


def _fake_id(rng: random.Random, birth_year: int, female: bool) -> str:
    century = (0 if birth_year < 2000 else 2) + (1 if female else 0)
    return f"020{century}{birth_year % 100:02d}{rng.randrange(10**6):06d}"


def _name(rng: random.Random) -> tuple[str, bool]:
    female = rng.random() < 0.5
    middle = "Thị" if female and rng.random() < 0.7 else rng.choice(MIDDLE)
    return f"{rng.choice(SURNAMES)} {middle} {rng.choice(GIVEN)}", female


def prepare_cast(
    province_code: str, rng: random.Random, citizens_per_commune: int = 15, walk_ins_per_commune: int = 30
) -> Cast:
    """The simulation's officers (one receptionist, specialist and leader per agency) and people."""
    prefix = province_prefix(province_code)
    agencies = list(Agency.objects.filter(code__endswith=f".{prefix}", is_active=True).order_by("code"))
    if not agencies:
        raise BadInput(
            _("Tỉnh mã %(code)s chưa có cơ quan: hãy chạy motcua demo trước.") % {"code": province_code}
        )
    wanted: dict[str, tuple[str, Agency | None]] = {}
    for agency in agencies:
        for role in (Role.RECEPTIONIST, Role.SPECIALIST, Role.LEADER):
            wanted[f"{SIM_PREFIX}{agency.code}.{role}"] = (role, agency)
    centers = [a for a in agencies if a.kind == Agency.Kind.COMMUNE_CENTER]
    citizen_names = [
        f"{SIM_PREFIX}congdan.{c.unit.code}.{i:03d}" for c in centers for i in range(citizens_per_commune)
    ]
    for username in citizen_names:
        wanted[username] = (Role.CITIZEN, None)
    existing = set(User.objects.filter(username__in=list(wanted)).values_list("username", flat=True))
    User.objects.bulk_create(
        [
            User(username=u, role=role, agency=agency, full_name=u, password="!")
            for u, (role, agency) in wanted.items()
            if u not in existing
        ],
        batch_size=500,
    )
    users = {u.username: u for u in User.objects.filter(username__in=list(wanted)).select_related("agency")}

    def by_role(role: str) -> dict[int, User]:
        return {a.pk: users[f"{SIM_PREFIX}{a.code}.{role}"] for a in agencies}

    # Applicants: each citizen account owns one; walk-ins have none. Keyed by a fixed marker
    # in the street so re-runs reuse them.
    people = {a.street: a for a in Applicant.objects.filter(street__startswith="[mô phỏng]")}
    new: list[Applicant] = []
    citizens: list[tuple[User, str]] = []
    walk_keys: list[str] = []
    for center in centers:
        for i in range(citizens_per_commune + walk_ins_per_commune):
            key = f"[mô phỏng] {center.unit.code}-{i:03d}"
            name, female = _name(rng)
            year = rng.randint(1950, 2005)
            user = (
                users[f"{SIM_PREFIX}congdan.{center.unit.code}.{i:03d}"] if i < citizens_per_commune else None
            )
            # Drawn whether or not the person exists: the seed's later draws do not depend on
            # what an earlier run left in the database.
            id_number = _fake_id(rng, year, female)
            born = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
            phone = f"09{rng.randrange(10**8):08d}"
            if key not in people:
                new.append(
                    Applicant(
                        kind=Applicant.Kind.CITIZEN,
                        name=name,
                        id_number=id_number,
                        date_of_birth=born,
                        phone=phone,
                        address_unit=center.unit,
                        street=key,
                        user=user,
                    )
                )
            if user is not None:
                citizens.append((user, key))
            else:
                walk_keys.append(key)
    Applicant.objects.bulk_create(new, batch_size=500)
    # With their address's unit: the competence of a new dossier reads it (no query per dossier).
    people = {
        a.street: a
        for a in Applicant.objects.filter(street__startswith="[mô phỏng]").select_related("address_unit")
    }
    weights = [rng.lognormvariate(0, 0.6) * (2.5 if c.unit.level == "ward" else 1.0) for c in centers]
    return Cast(
        receptionist=by_role(Role.RECEPTIONIST),
        specialist=by_role(Role.SPECIALIST),
        leader=by_role(Role.LEADER),
        citizens=[(u, people[k]) for u, k in citizens],
        walk_ins=[people[k] for k in walk_keys],
        departments=[a for a in agencies if a.kind == Agency.Kind.DEPARTMENT],
        province_center=next((a for a in agencies if a.kind == Agency.Kind.PROVINCIAL_CENTER), None),
        commune_centers=centers,
        center_weights=weights,
    )


# ---------------------------------------------------------------------------------------
# The catalog on offer, weighted


def _field_weight(name: str) -> float:
    folded = fold(name)
    return next((w for keyword, w in FIELD_WEIGHTS if keyword in folded), 0.3)


def offers(day: dt.date, rng: random.Random) -> tuple[list[Offer], list[Offer]]:
    """(commune-level, province-level) procedures in force on `day` that have a time limit.

    Weight = the field's weight × a Zipf factor of the procedure's rank inside its field (a
    seeded order), so a few procedures of the common fields make most dossiers.
    """
    limited = set(Channel.objects.exclude(time_limit_unit="").values_list("version_id", flat=True))
    fees = dict(Channel.objects.filter(fee_amount__gt=0).values_list("version_id", "fee_amount"))
    online_channel = set(Channel.objects.filter(kind=ChannelKind.ONLINE).values_list("version_id", flat=True))
    versions = [
        v
        for v in ProcedureVersion.objects.in_force_on(day)
        .select_related("procedure__field")
        .order_by("procedure__code")
        if v.pk in limited
    ]
    seen: set[int] = set()
    by_field: dict[int, list[ProcedureVersion]] = {}
    for v in versions:
        if v.procedure_id in seen:  # the version in force (latest valid_from first)
            continue
        seen.add(v.procedure_id)
        by_field.setdefault(v.procedure.field_id, []).append(v)
    commune: list[Offer] = []
    province: list[Offer] = []
    for field_versions in by_field.values():
        rng.shuffle(field_versions)
        for rank, v in enumerate(field_versions):
            weight = _field_weight(v.procedure.field.name) / (rank + 1) ** 1.2
            offer = Offer(
                v,
                v.online_level != OnlineLevel.NONE or v.pk in online_channel,
                int(fees.get(v.pk, 0) or 0),
                weight,
            )
            if v.procedure.at_commune:
                commune.append(offer)
            elif v.procedure.at_province:
                province.append(offer)
    return commune, province


# ---------------------------------------------------------------------------------------
# One dossier's life


class Life:
    """Drives one dossier through the services; every call moves the simulated clock forward."""

    def __init__(self, sim: Simulation, dossier: Dossier | None = None) -> None:
        self.sim = sim
        self.dossier = dossier

    def call(self, name: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        if kwargs.get("at") is not None and kwargs["at"] >= self.sim.horizon:
            return False  # after the end of the period: not (yet) done
        try:
            fn(*args, **kwargs)
        except DossierError as error:
            self.sim.result.errors[f"{name}:{error.code}"] += 1
            return False
        self.sim.result.transitions += 1
        return True


class Simulation:
    def __init__(
        self,
        province_code: str,
        start: dt.date,
        end: dt.date,
        count: int,
        online_rate: float,
        seed: int,
        mix: Mix | None = None,
        progress: bool = True,
        batch: int = 200,
        on_progress: Callable[[int, int], None] | None = None,
        workers: int | None = None,
        silence: float = SILENCE,
    ) -> None:
        if end < start:
            raise BadInput(_("Ngày kết thúc phải sau ngày bắt đầu."))
        if not 0 <= online_rate <= 1:
            raise BadInput(_("Tỷ lệ trực tuyến phải trong khoảng 0 đến 1."))
        if count < 0:
            raise BadInput(_("Số hồ sơ không được âm."))
        self.province_code, self.start, self.end, self.count = province_code, start, end, count
        self.online_rate, self.mix, self.progress, self.batch = online_rate, mix or Mix(), progress, batch
        # (done, total) after each batch; `progress` alone prints a line every 5 % on stderr.
        if on_progress is None and progress:
            on_progress = PercentProgress(_stderr_line, _("Mô phỏng"))
        self.on_progress = on_progress
        self.workers = workers  # None: both cores on PostgreSQL, one process on SQLite
        self.silence = silence  # seconds a live worker may send nothing before it counts as hung
        self.rng = random.Random(seed)
        self.cal: WorkCalendar = calendar_for(province_code)
        self.horizon = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(0), tzinfo=TZ)
        self.result = Result()

    # --- planning ---------------------------------------------------------------------------

    def _arrivals(self) -> list[dt.datetime]:
        days = self.cal.working_days(self.start, self.end)
        if not days:
            raise BadInput(_("Khoảng thời gian không có ngày làm việc nào."))
        all_days = [self.start + dt.timedelta(days=i) for i in range((self.end - self.start).days + 1)]
        # Mondays are busier; the afternoon a little quieter.
        day_weights = [1.3 if d.weekday() == 0 else 1.0 for d in days]
        times = []
        for _i in range(self.count):
            times.append(self._instant(self.rng.choices(days, day_weights)[0], all_days))
        times.sort()
        return times

    def _instant(self, day: dt.date, all_days: list[dt.date]) -> dt.datetime:
        minute = self.rng.choice(range(0, 270)) if self.rng.random() < 0.58 else 390 + self.rng.randrange(210)
        return dt.datetime.combine(day, dt.time(7), tzinfo=TZ) + dt.timedelta(minutes=minute)

    def _pick(self, offers: list[Offer], weights: list[float]) -> Offer:
        return self.rng.choices(offers, cum_weights=weights)[0]

    def _online_share(self, commune: list[Offer], province: list[Offer]) -> float:
        """Probability of the online channel for an online-capable dossier, to meet the target rate.

        When the online-capable procedures are not common enough to reach it even if all their
        dossiers came online, they are made more common (their weights scaled up) first.
        """
        share_province = self.mix.province_level

        def capable() -> float:
            total = 0.0
            for offers_, share in ((commune, 1 - share_province), (province, share_province)):
                weight = sum(o.weight for o in offers_)
                if weight:
                    total += share * sum(o.weight for o in offers_ if o.online) / weight
            return total

        target = self.online_rate
        current = capable()
        if 0 < current < target < 1:
            factor = target * (1 - current) / (current * (1 - target)) * 1.05
            for offer in (*commune, *province):
                if offer.online:
                    offer.weight *= factor
            current = capable()
        return min(1.0, target / current) if current else 0.0

    # --- running ----------------------------------------------------------------------------

    def run(self) -> Result:
        began = time.perf_counter()
        cast = prepare_cast(self.province_code, self.rng)
        commune_offers, province_offers = offers(self.end, self.rng)
        if not commune_offers and not province_offers:
            raise BadInput(_("Danh mục chưa có thủ tục nào có thời hạn: hãy nhập danh mục trước."))
        # The catalog rules every transition reads, once for all versions (and so for every worker).
        prefetch_related_objects(
            [o.version for o in (*commune_offers, *province_offers)],
            "requirements", "channels", "process_steps",
        )
        for offer in (*commune_offers, *province_offers):
            offer.documents = services.catalog_documents(offer.version)
        self.cast = cast
        self.commune_offers, self.province_offers = commune_offers, province_offers
        self.center_cum = _cumulative(cast.center_weights)
        self.p_online = self._online_share(commune_offers, province_offers)
        self.commune_cum = _cumulative(o.weight for o in commune_offers)
        self.province_cum = _cumulative(o.weight for o in province_offers)
        plans = self._plan()
        workers = self._worker_count(len(plans))
        analyze_growing_tables()
        if workers > 1:
            self._run_parallel(plans, workers)
        else:
            self._play(plans, self._advance(len(plans)))
        analyze_growing_tables()  # for the reports and `stats check` that follow
        self.result.seconds = time.perf_counter() - began
        self.result.workers = workers
        online = self.result.outcomes["online"]
        self.result.online_rate = online / self.result.dossiers if self.result.dossiers else 0.0
        return self.result

    def _plan(self) -> list[Plan]:
        """Every dossier's arrival, procedure and receiving centre, and the seed of its life."""
        rng, mix, cast = self.rng, self.mix, self.cast
        plans: list[Plan] = []
        for arrival in self._arrivals():
            province_level = bool(self.province_offers) and (
                rng.random() < mix.province_level or not self.commune_offers
            )
            if province_level:
                offer = self._pick(self.province_offers, self.province_cum)
                chosen = cast.province_center
                if rng.random() < mix.province_at_commune or chosen is None:
                    chosen = cast.commune_centers[_index(self.center_cum, rng)]
                center = chosen
            else:
                offer = self._pick(self.commune_offers, self.commune_cum)
                center = cast.commune_centers[_index(self.center_cum, rng)]
            plans.append(Plan(arrival, offer, center, rng.getrandbits(64)))
        return plans

    def _worker_count(self, dossiers: int) -> int:
        """Processes to use: only on PostgreSQL, outside a caller's transaction, with enough work."""
        wanted = self.workers if self.workers is not None else min(2, multiprocessing.cpu_count())
        if (
            wanted <= 1
            or connection.vendor != "postgresql"
            or connection.in_atomic_block
            or dossiers < 2 * self.batch
            or "fork" not in multiprocessing.get_all_start_methods()
        ):
            return 1
        return wanted

    def _progress(self, done: int, total: int) -> None:
        if self.on_progress is not None:
            self.on_progress(done, total)

    def _advance(self, total: int) -> Callable[[int], None]:
        """Count the dossiers played (between batches); ANALYZE each time their number doubles.

        Called in the process that plays alone, or in the parent while its workers play (on
        its own connection: ANALYZE does not block their writes).
        """
        done, analyze_at = 0, ANALYZE_FIRST

        def advance(count: int) -> None:
            nonlocal done, analyze_at
            done += count
            self._progress(done, total)
            if analyze_at <= done < total:
                analyze_growing_tables()
                analyze_at = 2 * done

        return advance

    def _play(self, plans: list[Plan], advance: Callable[[int], None]) -> None:
        """Play these dossiers in order, `batch` per transaction, statistics refreshed per batch."""
        for first in range(0, len(plans), self.batch):
            chunk = plans[first : first + self.batch]
            with transaction.atomic(), facts.deferred():
                for plan in chunk:
                    self._one(plan)
            advance(len(chunk))

    def _run_parallel(self, plans: list[Plan], workers: int) -> None:
        """Share the dossiers among forked processes by receiving agency; merge their results.

        Supervised (`motcua.core.forked`): a worker that fails, exits without its result or
        stays silent for `silence` seconds stops the run with an error, every worker stopped.
        """
        parts = partition_by_agency(plans, workers)
        _close_connections()  # a forked child must open its own connection (and pool)
        for result in run_forked(parts, self._child, self._advance(len(plans)), silence=self.silence):
            self.result.dossiers += result.dossiers
            self.result.transitions += result.transitions
            self.result.outcomes.update(result.outcomes)
            self.result.errors.update(result.errors)

    def _child(self, plans: list[Plan], report: Callable[[int], None]) -> Result:
        """One worker process: its own connection, its own result, progress after each batch."""
        try:
            self.result = Result()
            self._play(plans, report)
            return self.result
        finally:
            _close_connections()

    def _one(self, plan: Plan) -> None:
        self.rng = rng = random.Random(plan.seed)
        mix, cast = self.mix, self.cast
        offer, center, arrival = plan.offer, plan.center, plan.arrival
        online = offer.online and rng.random() < self.p_online
        life = Life(self)
        self.result.dossiers += 1
        if online:
            user, applicant = rng.choice(cast.citizens)
            if rng.random() < mix.after_hours_online:
                arrival = arrival.replace(hour=rng.choice((6, 18, 19, 20, 21, 22)), minute=rng.randrange(60))
            try:
                dossier = services.submit_online(user, offer.version, applicant, center, at=arrival,
                    documents=offer.documents)
            except DossierError as error:
                self.result.errors[f"submit:{error.code}"] += 1
                return
            life.dossier = dossier
            self.result.outcomes["online"] += 1
            receptionist = cast.receptionist[center.pk]
            seen = self.cal.add_working(arrival, dt.timedelta(minutes=rng.randrange(5, 240)))
            if rng.random() < mix.refused:
                life.call(
                    "refuse",
                    services.refuse_dossier,
                    receptionist,
                    dossier,
                    "Hồ sơ không đúng thủ tục đề nghị.",
                    at=seen,
                )
                self.result.outcomes["refused"] += 1
                return
            if not life.call("receive", services.receive_dossier, receptionist, dossier, at=seen):
                return
            now = seen
        else:
            applicant = rng.choice(cast.walk_ins)
            channel = ChannelKind.POSTAL if rng.random() < mix.postal else ChannelKind.COUNTER
            try:
                dossier = services.receive_new_dossier(
                    cast.receptionist[center.pk], offer.version, applicant, channel=channel, at=arrival,
                    documents=offer.documents
                )
            except DossierError as error:
                self.result.errors[f"receive:{error.code}"] += 1
                return
            life.dossier = dossier
            self.result.outcomes[channel] += 1
            now = arrival
        self._process(life, dossier, offer, now, online)

    def _process(self, life: Life, dossier: Dossier, offer: Offer, now: dt.datetime, online: bool) -> None:
        rng, mix, cal, cast = self.rng, self.mix, self.cal, self.cast
        assert dossier.due_at is not None and dossier.received_at is not None
        total = max(cal.elapsed(dossier.received_at, dossier.due_at), dt.timedelta(minutes=30))

        def later(share: float, floor: float = 5) -> dt.datetime:
            return cal.add_working(now, max(total * share, dt.timedelta(minutes=floor)))

        receiving = dossier.receiving_agency_id
        # The desk hands the dossier on to the deciding agency (steps of the process template).
        for _hop in range(5):
            step = dossier.current_step
            if step is None or step.agency_id != receiving or step.role != Role.RECEPTIONIST:
                break
            now = later(rng.uniform(0.01, 0.05))
            if not life.call(
                "forward", services.forward_dossier, cast.receptionist[receiving], dossier, at=now
            ):
                return
        if (
            dossier.competent_agency.kind == Agency.Kind.COMMUNE_COMMITTEE
            and cast.departments
            and rng.random() < mix.transfer
        ):
            now = later(rng.uniform(0.02, 0.1))
            department = rng.choice(cast.departments)
            if life.call(
                "transfer",
                services.transfer_dossier,
                self._worker(dossier),
                dossier,
                department,
                at=now,
                reason="Chuyển liên thông theo thẩm quyền.",
            ):
                self.result.outcomes["transferred"] += 1
        draw = rng.random()
        if draw < mix.withdrawn:
            now = later(rng.uniform(0.05, 0.6))
            life.call(
                "withdraw",
                services.withdraw,
                cast.receptionist[receiving],
                dossier,
                at=now,
                reason="Công dân có đơn xin rút hồ sơ.",
            )
            self.result.outcomes["withdrawn"] += 1
            return
        if draw < mix.withdrawn + mix.stopped:
            now = later(rng.uniform(0.1, 0.7))
            life.call(
                "stop",
                services.stop_processing,
                cast.leader[dossier.competent_agency_id],
                dossier,
                "Hồ sơ thuộc trường hợp phải dừng xử lý theo quy định.",
                at=now,
            )
            self.result.outcomes["stopped"] += 1
            return
        if rng.random() < mix.supplement:
            now = later(rng.uniform(0.05, 0.4))
            if not life.call(
                "supplement",
                services.request_supplement,
                self._worker(dossier),
                dossier,
                ["Bản sao giấy tờ chứng minh nhân thân"],
                "Hồ sơ còn thiếu giấy tờ.",
                at=now,
            ):
                return
            self.result.outcomes["supplement"] += 1
            if rng.random() < mix.supplement_unanswered:
                self.result.outcomes["supplement_unanswered"] += 1
                return
            now = cal.add_working(now, dt.timedelta(hours=rng.uniform(4, 40)))
            if not life.call(
                "receive_supplement",
                services.receive_supplement,
                cast.receptionist[receiving],
                dossier,
                at=now,
            ):
                return
            if rng.random() < mix.second_supplement:
                now = later(rng.uniform(0.05, 0.2))
                if life.call(
                    "supplement",
                    services.request_supplement,
                    cast.leader[dossier.competent_agency_id],
                    dossier,
                    ["Giấy tờ bổ sung lần hai"],
                    "Hồ sơ bổ sung chưa đầy đủ.",
                    at=now,
                    override_reason="Giấy tờ bổ sung không hợp lệ.",
                ):
                    self.result.outcomes["second_supplement"] += 1
                    now = cal.add_working(now, dt.timedelta(hours=rng.uniform(4, 24)))
                    if not life.call(
                        "receive_supplement",
                        services.receive_supplement,
                        cast.receptionist[receiving],
                        dossier,
                        at=now,
                    ):
                        return
        assert dossier.due_at is not None
        late = rng.random() < mix.late
        remaining = cal.remaining(now, dossier.due_at)
        if late:
            finish = cal.add_working(dossier.due_at, total * rng.uniform(0.05, 0.6) + HOUR)
            if rng.random() < mix.apology:
                before = cal.add_working(now, max(remaining * 0.8, dt.timedelta(minutes=1)))
                if before < dossier.due_at:
                    new_date = cal.add_working(finish, 8 * HOUR)
                    if life.call(
                        "apologize",
                        services.apologize,
                        cast.leader[dossier.competent_agency_id],
                        dossier,
                        "Hồ sơ cần xác minh thêm nên chậm so với ngày hẹn.",
                        new_date,
                        at=before,
                    ):
                        self.result.outcomes["apology"] += 1
                        now = before
            self.result.outcomes["late"] += 1
        else:
            span = max(remaining, dt.timedelta(minutes=20))
            finish = cal.add_working(now, span * rng.uniform(0.15, 0.97))
        if offer.fee:
            paying = cal.add_working(now, cal.elapsed(now, finish) * 0.5)
            if life.call(
                "request_payment",
                services.request_payment,
                self._worker(dossier),
                dossier,
                offer.fee,
                at=paying,
            ):
                # The applicant pays before the result is due (a share of the time left).
                paid = cal.add_working(paying, cal.elapsed(paying, finish) * rng.uniform(0.1, 0.5))
                # Online, the payment is recorded by the system after the gateway's verified
                # notification (actor None, motcua/payments); at the counter, by the desk.
                payer = None if online else cast.receptionist[receiving]
                if not life.call(
                    "record_payment", services.record_payment, payer, dossier, at=paid, online=online
                ):
                    return
                now = paid
        ready = max(now + dt.timedelta(minutes=1), finish - (finish - now) * 0.2)
        if not life.call(
            "result_ready",
            services.mark_result_ready,
            self._worker(dossier),
            dossier,
            "Đã giải quyết theo đề nghị.",
            at=ready,
            electronic=online or rng.random() < 0.3,
        ):
            return
        if not life.call(
            "approve",
            services.approve_result,
            cast.leader[dossier.competent_agency_id],
            dossier,
            at=max(finish, ready + dt.timedelta(minutes=1)),
        ):
            return
        self.result.outcomes["finished"] += 1
        returned = cal.add_working(dossier.finished_at or finish, dt.timedelta(hours=rng.uniform(0.2, 24)))
        if life.call("return", services.return_result, cast.receptionist[receiving], dossier, at=returned):
            self.result.outcomes["returned"] += 1

    def _worker(self, dossier: Dossier) -> User:
        """Whoever holds the current step (its role at its agency), else the deciding agency's specialist."""
        step = dossier.current_step
        cast = self.cast
        if step is not None:
            pools: dict[str, dict[int, User]] = {
                Role.RECEPTIONIST: cast.receptionist,
                Role.SPECIALIST: cast.specialist,
                Role.LEADER: cast.leader,
            }
            pool = pools.get(step.role, cast.leader)
            user = pool.get(step.agency_id)
            if user is not None:
                return user
        return cast.specialist[dossier.competent_agency_id]


# The first ANALYZE during a run, after this many dossiers; then each time their number doubles.
ANALYZE_FIRST = 1000


def analyze_growing_tables() -> None:
    """ANALYZE the tables a simulation grows (PostgreSQL; SQLite: nothing).

    Measured in session 9 (docs/scale.md): on a database whose tables were never analyzed
    (autovacuum off, as on this machine, or a copy of a small database), the planner
    guesses that few steps are open, and the dossier's lock statement (`_lock`: its open
    steps, `finished_at IS NULL`) read every open step's index entry — 16 to 35 ms at 200,000
    steps, growing with the database — instead of the dossier's few (0.3 ms). Autovacuum's
    ANALYZE comes too late for a table growing this fast (or never, when it is off): a bulk
    run refreshes the statistics itself, a few seconds each time the work doubles.
    """
    if connection.vendor != "postgresql":
        return
    tables = sorted({
        model._meta.db_table
        for app in ("dossiers", "stats")
        for model in apps.get_app_config(app).get_models()
        if model._meta.managed and not model._meta.proxy
    })
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(t) for t in tables))


def _close_connections() -> None:
    """Close this process's connections and, with PostgreSQL pooling, the pools (as before a fork)."""
    for conn in connections.all(initialized_only=True):
        conn.close()
        close_pool = getattr(conn, "close_pool", None)
        if close_pool is not None:
            close_pool()


def _stderr_line(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def partition_by_agency(plans: list[Plan], workers: int) -> list[list[Plan]]:
    """`workers` shares of the plans, each receiving agency's dossiers in one share (in arrival order).

    Agencies go, busiest first, to the share with the fewest dossiers so far: balanced and the
    same for the same plans.
    """
    by_agency: dict[int, list[Plan]] = {}
    for plan in plans:
        by_agency.setdefault(plan.center.pk, []).append(plan)
    shares: list[list[Plan]] = [[] for _ in range(workers)]
    for _pk, own in sorted(by_agency.items(), key=lambda item: (-len(item[1]), item[0])):
        min(shares, key=len).extend(own)
    for share in shares:
        share.sort(key=lambda plan: plan.arrival)
    return [share for share in shares if share]


def _cumulative(weights: Any) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


def _index(cumulative: list[float], rng: random.Random) -> int:
    import bisect

    return min(bisect.bisect_right(cumulative, rng.random() * cumulative[-1]), len(cumulative) - 1)


def simulated_dossiers() -> Any:
    """Dossiers the simulator created (their applicants carry its marker)."""
    return Dossier.objects.filter(applicant__street__startswith="[mô phỏng]")


def still_open() -> Any:
    return Dossier.objects.filter(
        ~Q(status__in=[Status.REFUSED, Status.WITHDRAWN, Status.STOPPED, Status.RETURNED])
    )


def estimate(result: Result, dossiers: int) -> float:
    """Seconds `dossiers` would take at this run's rate."""
    return math.inf if not result.per_second else dossiers / result.per_second
