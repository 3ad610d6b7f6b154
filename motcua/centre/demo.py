"""Demo floor: services and counters for every service centre of the demo province, and a day of
tickets (issued, called, served, some absent, some rated) at the centres with demo accounts.

The day is played through the real service functions in simulated time: the last full working
day, and today up to now when the centre is open (so the screens and the console show a queue).
Idempotent: a centre's day is played only once.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.accounts.models import Role, User
from motcua.agencies.models import Agency
from motcua.catalog.models import Field
from motcua.centre import services
from motcua.centre.models import Counter, Floor, Priority, Service, Ticket
from motcua.worktime.calendars import calendar_for
from motcua.worktime.core import TZ

PREFERRED_FIELDS = ("Hộ tịch", "Chứng thực", "Đất đai", "Thành lập và hoạt động doanh nghiệp")
COUNTERS = 4
DEMO_USERNAMES = ("tiepnhan.tinh", "tiepnhan.dongkinh", "tiepnhan.dongdang")
TICKETS_PER_DAY = 40
SEED = 1025


def _fields() -> list[Field]:
    by_name = {f.name: f for f in Field.objects.filter(name__in=PREFERRED_FIELDS)}
    chosen = [by_name[name] for name in PREFERRED_FIELDS if name in by_name]
    if len(chosen) < 3:
        busiest = (
            Field.objects.annotate(n=Count("procedures"))
            .order_by("-n", "name")
            .exclude(pk__in=[f.pk for f in chosen])
        )
        chosen += list(busiest[: 3 - len(chosen)])
    return chosen


@transaction.atomic
def set_up_centre(centre: Agency, fields: list[Field]) -> list[Counter]:
    """Services from the fields, and counters 1…4 (the last one serves everything)."""
    Floor.objects.get_or_create(centre=centre)
    service_list = []
    for order, field in enumerate(fields, start=1):
        service, _created = Service.objects.get_or_create(
            centre=centre, field=field, defaults={"name": field.name, "order": order}
        )
        service_list.append(service)
    counters = []
    for number in range(1, COUNTERS + 1):
        counter, created = Counter.objects.get_or_create(centre=centre, number=number)
        if created:
            if number <= len(service_list) and number < COUNTERS:
                counter.services.set([service_list[number - 1]])
            else:
                counter.services.set(service_list)
        counters.append(counter)
    return counters


def _officers(centre: Agency, counters: list[Counter]) -> list[User]:
    """The demo receptionist at counter 1; demo officers (no password) at the others."""
    officers = []
    first = User.objects.filter(username__in=DEMO_USERNAMES, agency=centre).first()
    for counter in counters:
        if counter.number == 1 and first is not None:
            officer = first
        else:
            officer, _created = User.objects.get_or_create(
                username=f"quay{counter.number}.{centre.code}",
                defaults={
                    "role": Role.RECEPTIONIST,
                    "agency": centre,
                    "full_name": _("Cán bộ quầy %(number)s") % {"number": counter.number},
                },
            )
            if _created:
                officer.set_unusable_password()
                officer.save(update_fields=["password"])
        services.sit_at_counter(officer, counter)
        officers.append(officer)
    return officers


def _arrivals(day: dt.date, until: dt.datetime, rng: random.Random, service_list: list[Service]) -> list[Any]:
    """Arrival times weighted towards the morning and early afternoon peaks."""
    hours = [7, 8, 8, 8, 9, 9, 10, 10, 11, 13, 14, 14, 15, 15, 16]
    out = []
    for _index in range(TICKETS_PER_DAY):
        hour = rng.choice(hours)
        # Inside the working periods (07:00–11:30, 13:30–17:00), and not in the last half hour.
        minute = rng.randrange(30, 60) if hour == 13 else rng.randrange(0, 30 if hour in (11, 16) else 60)
        when = dt.datetime.combine(day, dt.time(hour, minute, rng.randrange(60)), tzinfo=TZ)
        if when < until:
            priority = Priority.ELDERLY if rng.random() < 0.1 else Priority.NONE
            out.append((when, rng.choice(service_list), priority))
    return sorted(out, key=lambda a: a[0])


def play_day(
    centre: Agency, counters: list[Counter], officers: list[User], day: dt.date, until: dt.datetime, seed: int
) -> int:
    """Issue, call, serve and rate a day of tickets in time order; stop calling at `until`."""
    rng = random.Random(seed)
    service_list = list(Service.objects.filter(centre=centre, is_active=True))
    arrivals = _arrivals(day, until, rng, service_list)
    opening = dt.datetime.combine(day, dt.time(7, 0), tzinfo=TZ)
    free_at = {c.pk: opening for c in counters}
    by_pk = {c.pk: (c, o) for c, o in zip(counters, officers, strict=True)}
    active = set(free_at)
    issued = 0
    while active:
        pk = min(active, key=lambda k: free_at[k])
        now = free_at[pk]
        while issued < len(arrivals) and arrivals[issued][0] <= now:
            when, service, priority = arrivals[issued]
            services.take_ticket(centre, service, priority, at=when)
            issued += 1
        if now >= until:
            active.discard(pk)
            continue
        counter, officer = by_pk[pk]
        try:
            ticket = services.call_next(officer, counter, at=now)
        except services.CentreError:
            if issued >= len(arrivals):
                active.discard(pk)
            else:
                free_at[pk] = max(now + dt.timedelta(seconds=1), arrivals[issued][0])
            continue
        if rng.random() < 0.08:
            free_at[pk] = now + dt.timedelta(minutes=2)
            services.skip_absent(officer, ticket, at=free_at[pk])
            continue
        start = now + dt.timedelta(minutes=1)
        end = start + dt.timedelta(minutes=rng.randint(4, 16))
        if end > until:  # today: the person is still at the counter
            if start <= until:
                services.start_serving(officer, ticket, at=start)
            active.discard(pk)
            continue
        services.start_serving(officer, ticket, at=start)
        services.finish_serving(officer, ticket, at=end)
        if rng.random() < 0.6:
            level = rng.choices(["very_satisfied", "satisfied", "not_satisfied"], [5, 4, 1])[0]
            services.rate(ticket=ticket, level=level, at=end + dt.timedelta(minutes=1))
        free_at[pk] = end
    return issued


def _last_full_day(today: dt.date) -> dt.date:
    calendar = calendar_for()
    day = today - dt.timedelta(days=1)
    while not calendar.is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


def load(command: Any, data_dir: Path) -> None:
    fields = _fields()
    if not fields:
        command.stdout.write(_("Quầy: chưa có lĩnh vực thủ tục, bỏ qua."))
        return
    centres = list(Agency.objects.filter(kind__in=Agency.SERVICE_CENTER_KINDS, is_active=True))
    for centre in centres:
        set_up_centre(centre, fields)
    now = timezone.now()
    today = now.astimezone(TZ).date()
    days: list[tuple[dt.date, dt.datetime | None]] = [(_last_full_day(today), None)]
    if services.is_open(centres[0], now) if centres else False:
        days.append((today, now))
    played = 0
    for centre in Agency.objects.filter(officers__username__in=DEMO_USERNAMES).distinct():
        counters = list(Counter.objects.filter(centre=centre).order_by("number"))
        officers = _officers(centre, counters)
        for day, until in days:
            if Ticket.objects.filter(centre=centre, day=day).exists():
                continue
            # A past day: everyone who took a number before closing is served.
            end = until or dt.datetime.combine(day, dt.time(19, 0), tzinfo=TZ)
            played += play_day(centre, counters, officers, day, end, SEED + centre.pk + day.toordinal())
    command.stdout.write(
        _("Quầy: %(centres)d trung tâm có quầy và dịch vụ; %(tickets)d số thứ tự mẫu.")
        % {"centres": len(centres), "tickets": played}
    )
