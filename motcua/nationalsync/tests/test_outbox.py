"""Every dossier event queues the portal's two messages in its own transaction, in the
portal's format (checked field by field by the local portal's validator)."""

from __future__ import annotations

import pytest
from django.db import transaction

from motcua.dossiers import services
from motcua.dossiers.models import DossierEvent, Status
from motcua.dossiers.sample import World, at
from motcua.nationalsync.models import (
    FieldCodeMapping,
    OutboxMessage,
    ProcedureCodeMapping,
    StatusMapping,
)
from motcua.nationalsync.tests.portal import validate
from motcua.nationalsync.tests.scenario import walk


def test_every_event_queues_a_dossier_sync_then_a_progress_update_in_order(
    world: World, sync_on: None
) -> None:
    dossiers = walk(world)
    seen_statuses: set[int] = set()
    for dossier in dossiers:
        events = list(DossierEvent.objects.filter(dossier=dossier).order_by("seq"))
        messages = list(OutboxMessage.objects.filter(dossier=dossier).order_by("position"))
        assert [m.position for m in messages] == list(range(2, 2 * len(events) + 2))
        assert [m.service for m in messages] == ["DongBoHoSoMC", "CapNhatTienDoHoSoMC"] * len(events)
        for event, sync, progress in zip(events, messages[::2], messages[1::2], strict=True):
            assert sync.event_id == progress.event_id == event.pk
            assert validate(sync.body) == [] and validate(progress.body) == []
            item = sync.body["data"][0]
            assert item["MaHoSo"] == dossier.code
            assert item["TrangThaiHoSo"] == progress.body["data"][0]["TrangThai"] == str(event.to_status)
            assert sync.body["isUpdating"] == ("False" if event.seq == 1 else "True")
            seen_statuses.add(int(event.to_status or 0))
    assert seen_statuses == set(Status.values)


def test_dates_are_in_the_portals_format_and_time_zone(world: World, sync_on: None) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth))
    item = OutboxMessage.objects.get(dossier=dossier, position=2).body["data"][0]
    assert item["NgayTiepNhan"] == "20260302080000"  # 08:00 in Hà Nội, 01:00 UTC
    assert item["NgayHenTra"] == "20260303080000"
    assert item["NgayTra"] == "" and item["NgayKetThucXuLy"] == ""
    assert item["KenhThucHien"] == "1" and item["LoaiDoiTuong"] == "1"
    assert item["MaDoiTuong"] == "020190001234" and item["ChuHoSo"] == "Nguyễn Thị Hồng Nhung"
    progress = OutboxMessage.objects.get(dossier=dossier, position=3).body["data"][0]
    assert progress["ThoiDiemXuLy"] == "20260302080000"
    assert progress["NoiDungXuLy"] == "Tiếp nhận hồ sơ"
    assert progress["NguoiXuLy"] == str(world.receptionist)


def test_supplements_fees_and_results_are_listed_when_they_exist(world: World, sync_on: None) -> None:
    full = walk(world)[0]
    last = OutboxMessage.objects.filter(dossier=full, service="DongBoHoSoMC").order_by("-position").first()
    assert last is not None
    item = last.body["data"][0]
    assert item["TrangThaiHoSo"] == "10" and item["NgayTra"] == "20260304080000"
    [supplement] = item["DanhSachHoSoBoSung"]
    assert supplement["NoiDungBoSung"] == "Thiếu giấy chứng sinh"
    assert supplement["NgayBoSung"] == "20260302090000"
    assert supplement["NgayTiepNhanBoSung"] == "20260303090000"
    assert supplement["DanhSachGiayToBoSung"] == [{"TenGiayTo": "Giấy chứng sinh"}]
    assert item["DanhSachLePhi"] == [{"TenPhiLePhi": "Phí, lệ phí", "MaPhiLePhi": "", "HinhThucThu": "1",
                                      "Gia": 8000, "LoaiPhiLePhi": "1"}]
    assert item["DanhSachGiayToKetQua"][0]["TenGiayTo"] == "Giấy khai sinh số 15/2026"


def test_the_mapping_tables_give_the_portals_codes(world: World, sync_on: None) -> None:
    StatusMapping.objects.create(status=Status.RECEIVED, national_code=4, note="gộp vào đang xử lý")
    procedure = world.birth.procedure
    ProcedureCodeMapping.objects.create(procedure=procedure, national_code="1.001193.000.00.00.H37",
                                        national_name="Đăng ký khai sinh (Lạng Sơn)")
    FieldCodeMapping.objects.create(field=procedure.field, national_code="G09-TP03")
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth))
    body = OutboxMessage.objects.get(dossier=dossier, position=2).body
    assert validate(body) == []
    item = body["data"][0]
    assert item["TrangThaiHoSo"] == "4"
    assert item["MaTTHC"] == "1.001193.000.00.00.H37" and item["TenTTHC"] == "Đăng ký khai sinh (Lạng Sơn)"
    assert item["MaLinhVuc"] == "G09-TP03" and item["TenLinhVuc"] == procedure.field.name


def test_a_rolled_back_transition_leaves_no_message(world: World, sync_on: None) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        services.receive_new_dossier(
            world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
            documents=services.catalog_documents(world.birth))
        assert OutboxMessage.objects.count() == 2
        raise RuntimeError("the caller's transaction fails after the transition")
    assert OutboxMessage.objects.count() == 0


def test_a_refused_transition_queues_nothing(world: World, sync_on: None) -> None:
    dossier = services.receive_new_dossier(
        world.receptionist, world.birth, world.applicant(), at=at("2026-03-02 08:00"),
        documents=services.catalog_documents(world.birth))
    with pytest.raises(services.DossierError):
        services.stop_processing(world.other_receptionist, dossier, "không có quyền",
                                 at=at("2026-03-02 09:00"))
    assert OutboxMessage.objects.filter(dossier=dossier).count() == 2


def test_nothing_is_queued_while_sync_is_off(world: World) -> None:
    walk(world)
    assert OutboxMessage.objects.count() == 0
