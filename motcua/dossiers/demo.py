"""Demo dossiers at the Đông Kinh ward centre, in every interesting state (idempotent).

Uses the demo accounts (motcua.accounts.demo) and the catalog's procedures 1.001193,
2.000815 and 1.012786; skips quietly what is missing. Times are real working times of the
last days, so lists show dossiers due soon, overdue and finished early, on time and late.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.accounts.models import User
from motcua.dossiers import services
from motcua.dossiers.models import Applicant, Dossier
from motcua.worktime.core import TZ

PROCEDURES = {"birth": "1.001193", "certification": "2.000815", "land": "1.012786"}


def _users() -> dict[str, User] | None:
    names = [
        "tiepnhan.dongkinh",
        "chuyenvien.dongkinh",
        "lanhdao.dongkinh",
        "congdan.an",
        "chuyenvien.sonnmt",
        "lanhdao.sonnmt",
    ]
    users = {u.username: u for u in User.objects.filter(username__in=names).select_related("agency")}
    return users if len(users) == len(names) else None


def _applicant(user: User) -> Applicant:
    return Applicant(
        kind=Applicant.Kind.CITIZEN,
        name=user.full_name,
        id_number=user.id_number or "020090001234",
        phone=user.phone,
        street="Số 5, đường Trần Đăng Ninh",
        user=user,
    )


def load(command: Any, data_dir: Path) -> None:
    users = _users()
    if users is None:
        command.stdout.write(_("Hồ sơ mẫu: thiếu tài khoản mẫu, bỏ qua."))
        return
    desk, specialist, leader = (
        users["tiepnhan.dongkinh"],
        users["chuyenvien.dongkinh"],
        users["lanhdao.dongkinh"],
    )
    citizen = users["congdan.an"]
    center = desk.agency
    if center is None:
        return
    if Dossier.objects.filter(receiving_agency=desk.agency).exists():
        command.stdout.write(_("Hồ sơ mẫu: đã có, giữ nguyên."))
        return
    today = timezone.localdate()
    try:
        versions = {key: services.version_in_force(code, today) for key, code in PROCEDURES.items()}
    except services.DossierError:
        command.stdout.write(_("Hồ sơ mẫu: thiếu thủ tục trong danh mục, bỏ qua."))
        return
    cal = services.calendar()
    # Start five working days ago at 08:00 so that every state below has happened already.
    day = today
    for _day in range(5):
        day -= dt.timedelta(days=1)
        while not cal.is_working_day(day):
            day -= dt.timedelta(days=1)
    start = dt.datetime.combine(day, dt.time(8, 0), tzinfo=TZ)

    def later(hours: float) -> dt.datetime:
        return cal.add_working(start, dt.timedelta(hours=hours))

    created = 0
    try:
        returned = services.receive_new_dossier(desk, versions["birth"], _applicant(citizen), at=later(0),
            documents=services.catalog_documents(versions["birth"]))
        services.forward_dossier(desk, returned, at=later(0.5), assignee=specialist)
        services.mark_result_ready(specialist, returned, "Giấy khai sinh bản chính", at=later(3))
        services.approve_result(leader, returned, at=later(4))
        services.return_result(desk, returned, at=later(8))
        created += 1

        online = services.submit_online(
            citizen, versions["birth"], _applicant(citizen), center, at=later(1),
            documents=services.catalog_documents(versions["birth"])
        )
        services.receive_dossier(desk, online, at=later(1.5))
        services.forward_dossier(desk, online, at=later(2))
        services.request_supplement(
            specialist, online, ["Giấy chứng sinh (bản chính)"], "Thiếu giấy chứng sinh", at=later(4)
        )
        created += 1

        services.receive_new_dossier(desk, versions["certification"], _applicant(citizen), at=later(30),
            documents=services.catalog_documents(versions["certification"]))
        created += 1

        land = services.receive_new_dossier(desk, versions["land"], _applicant(citizen), at=later(2),
            documents=services.catalog_documents(versions["land"]))
        department = users["chuyenvien.sonnmt"].agency
        if department is not None and land.competent_agency_id != desk.agency_id:
            services.transfer_dossier(desk, land, department, at=later(4), reason="Chuyển Sở giải quyết")
        created += 1
    except services.DossierError as error:
        command.stdout.write(_("Hồ sơ mẫu: dừng ở bước %(code)s.") % {"code": error.code})
    command.stdout.write(_("Hồ sơ mẫu: %(count)d hồ sơ.") % {"count": created})
