"""Dossiers walked through every national status (1–10), for the sync tests and their subprocess."""

from __future__ import annotations

import datetime as dt

from motcua.dossiers import services
from motcua.dossiers.models import Dossier
from motcua.dossiers.sample import World, at


def walk(world: World, week: int = 0) -> list[Dossier]:
    """Four dossiers whose events cover statuses 1 to 10; `week` shifts them by whole weeks."""

    def t(text: str) -> dt.datetime:
        return at(text) + dt.timedelta(weeks=week)

    full = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=t("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth))
    services.forward_dossier(world.receptionist, full, at=t("2026-03-02 08:30"))
    services.request_supplement(world.specialist, full, ["Giấy chứng sinh"], "Thiếu giấy chứng sinh",
                                at=t("2026-03-02 09:00"))
    services.receive_supplement(world.receptionist, full, at=t("2026-03-03 09:00"))
    services.request_payment(world.specialist, full, 8_000, at=t("2026-03-03 10:00"), reason="Lệ phí")
    services.record_payment(world.receptionist, full, at=t("2026-03-03 10:30"))
    services.mark_result_ready(world.specialist, full, "Giấy khai sinh số 15/2026", at=t("2026-03-03 14:00"))
    services.approve_result(world.leader, full, at=t("2026-03-03 15:00"))
    services.return_result(world.receptionist, full, at=t("2026-03-04 08:00"))

    stopped = services.submit_online(
        world.citizen, world.birth, world.applicant(world.citizen), world.ward_center,
        at=t("2026-03-02 20:00"), documents=services.catalog_documents(world.birth))
    services.receive_dossier(world.receptionist, stopped, at=t("2026-03-03 08:00"))
    services.forward_dossier(world.receptionist, stopped, at=t("2026-03-03 08:15"))
    services.apologize(world.leader, stopped, "Chờ xác minh thông tin", t("2026-03-10 10:00"),
                       at=t("2026-03-03 09:00"))
    services.stop_processing(world.leader, stopped, "Người nộp không còn nhu cầu", at=t("2026-03-03 10:00"))

    refused = services.submit_online(
        world.citizen, world.birth, world.applicant(world.citizen), world.ward_center,
        at=t("2026-03-02 21:00"), documents=services.catalog_documents(world.birth))
    services.refuse_dossier(world.receptionist, refused, "Không thuộc thẩm quyền", at=t("2026-03-03 08:30"))

    withdrawn = services.receive_new_dossier(
        world.receptionist, world.certification, world.applicant(), at=t("2026-03-02 09:00"),
        documents=services.catalog_documents(world.certification))
    services.withdraw(world.receptionist, withdrawn, at=t("2026-03-02 09:30"), reason="Người nộp xin rút")
    return [full, stopped, refused, withdrawn]
