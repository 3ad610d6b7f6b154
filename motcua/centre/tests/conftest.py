"""Fixtures: the sample world of `motcua.dossiers.sample` plus the Đông Kinh centre's floor."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from motcua.accounts.models import Role, User
from motcua.centre.models import Counter, Floor, Service
from motcua.dossiers.sample import World, at, build_world

__all__ = ["Floorplan", "World", "at", "build_floor"]

# A Monday in working hours (2 March 2026).
MONDAY_9 = "2026-03-02 09:00"


@dataclass
class Floorplan:
    world: World
    civil: Service  # Hộ tịch
    certification: Service  # Chứng thực
    counter1: Counter  # civil status
    counter2: Counter  # civil status and certification
    counter3: Counter  # certification
    officer1: User  # the ward's receptionist, at counter 1
    officer2: User
    officer3: User


def build_floor(world: World) -> Floorplan:
    centre = world.ward_center
    Floor.objects.create(centre=centre, priority_run=2)
    civil = Service.objects.create(centre=centre, name="Hộ tịch", field=world.birth.procedure.field, order=1)
    certification = Service.objects.create(
        centre=centre, name="Chứng thực", field=world.certification.procedure.field, order=2
    )
    officer2 = User.objects.create(
        username="quay.hai", role=Role.RECEPTIONIST, agency=centre, full_name="Lục Thị Hai"
    )
    officer3 = User.objects.create(
        username="quay.ba", role=Role.RECEPTIONIST, agency=centre, full_name="Mã Văn Ba"
    )
    counters = []
    for number, services, officer in (
        (1, [civil], world.receptionist),
        (2, [civil, certification], officer2),
        (3, [certification], officer3),
    ):
        counter = Counter.objects.create(centre=centre, number=number, officer=officer)
        counter.services.set(services)
        counters.append(counter)
    return Floorplan(
        world,
        civil,
        certification,
        counters[0],
        counters[1],
        counters[2],
        world.receptionist,
        officer2,
        officer3,
    )


@pytest.fixture
def floorplan(db: None) -> Floorplan:
    return build_floor(build_world())


@pytest.fixture(autouse=True)
def _fresh_calendar() -> Iterator[None]:
    from motcua.worktime.calendars import clear_calendar_cache

    clear_calendar_cache()
    yield
    clear_calendar_cache()


@pytest.fixture(autouse=True)
def _media(tmp_path: object, settings: object) -> None:
    settings.MEDIA_ROOT = str(tmp_path)  # type: ignore[attr-defined]


@pytest.fixture
def world(db: None) -> World:
    return build_world()
