"""The national portal's dossier-sync format (what provincial systems send to the DVCQG).

Two services per change, as provincial integrations call them (OpenCPS's
`DVCQGIntegrationActionImpl`, provinces' own clients): `DongBoHoSoMC` with the dossier as it
stands (`isUpdating` "False" the first time, "True" after) and `CapNhatTienDoHoSoMC` with the
step just taken (who, when, what, the status). Dates are `yyyyMMddHHmmss` in
Asia/Ho_Chi_Minh; an absent date is "". Field names are the portal's; docs/sync.md lists them
with their sources and the ones still to confirm against the portal's current specification.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.utils import translation

from motcua.catalog.models import ChannelKind
from motcua.dossiers.models import Applicant, Dossier, DossierEvent, ResultDelivery, Status
from motcua.nationalsync.models import FieldCodeMapping, ProcedureCodeMapping, Service, StatusMapping
from motcua.worktime.core import TZ

DATE_FORMAT = "%Y%m%d%H%M%S"

# Kênh thực hiện: 1 at the counter, 2 online, 3 by post (REGULATIONS.md).
CHANNEL_CODES: dict[str, str] = {ChannelKind.COUNTER: "1", ChannelKind.ONLINE: "2", ChannelKind.POSTAL: "3"}
# Hình thức trả kết quả: 0 at the centre (or online), 1 by post (as OpenCPS sends it).
DELIVERY_CODES: dict[str, str] = {
    ResultDelivery.CENTRE: "0", ResultDelivery.ONLINE: "0", ResultDelivery.POST: "1",
}
# Loại đối tượng: 1 citizen, 2 organisation.
APPLICANT_KINDS: dict[str, str] = {Applicant.Kind.CITIZEN: "1", Applicant.Kind.ORGANISATION: "2"}
# Hình thức thu phí: 1 in cash at the counter, 2 online (to confirm against the portal's list).
PAYMENT_CODES = {False: "1", True: "2"}

# The actions a progress update names (NoiDungXuLy), in the portal's language (Vietnamese).
ACTION_LABELS = {
    "submit": "Nộp hồ sơ trực tuyến",
    "request_completion": "Yêu cầu hoàn thiện hồ sơ trước khi tiếp nhận",
    "complete_submission": "Công dân hoàn thiện hồ sơ",
    "receive": "Tiếp nhận hồ sơ",
    "refuse": "Từ chối tiếp nhận hồ sơ",
    "forward": "Chuyển xử lý",
    "assign": "Phân công xử lý",
    "transfer": "Chuyển liên thông",
    "request_supplement": "Yêu cầu bổ sung hồ sơ",
    "receive_supplement": "Tiếp nhận hồ sơ bổ sung",
    "request_payment": "Yêu cầu thực hiện nghĩa vụ tài chính",
    "record_payment": "Ghi nhận thực hiện nghĩa vụ tài chính",
    "withdraw": "Công dân rút hồ sơ",
    "stop": "Dừng xử lý",
    "result_ready": "Có kết quả, chờ phê duyệt",
    "approve_result": "Phê duyệt kết quả",
    "return_result": "Trả kết quả",
    "apologize": "Xin lỗi và hẹn lại ngày trả kết quả",
    "attach_file": "Bổ sung tệp đính kèm",
}


def portal_date(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    return value.astimezone(TZ).strftime(DATE_FORMAT)


def national_status(status: int | None) -> str:
    if status is None:
        return ""
    mapped = StatusMapping.objects.filter(status=status).values_list("national_code", flat=True).first()
    return str(mapped if mapped is not None else status)


def _procedure(dossier: Dossier) -> tuple[str, str, str, str]:
    procedure = dossier.version.procedure
    mapping = ProcedureCodeMapping.objects.filter(procedure=procedure).first()
    code = mapping.national_code if mapping else procedure.code
    name = (mapping.national_name if mapping else "") or procedure.name
    field_code = FieldCodeMapping.objects.filter(field_id=procedure.field_id).values_list(
        "national_code", flat=True).first() or ""
    return code, name, field_code, procedure.field.name


def _finished_at(dossier: Dossier) -> dt.datetime | None:
    """When processing ended (NgayKetThucXuLy): the result, else stopping, refusal or withdrawal."""
    return dossier.finished_at or dossier.stopped_at or dossier.refused_at or dossier.withdrawn_at


def _files(dossier: Dossier) -> list[dict[str, Any]]:
    return [
        {
            "TepDinhKemId": str(f.pk),
            "TenTepDinhKem": f.original_name or (f.file.name or "").rsplit("/", 1)[-1],
            "IsDeleted": "False",
            "MaThanhPhanHoSo": str(f.document.requirement_id or "") if f.document is not None else "",
            # The portal fetches a file by link; ours are not public (personal data), so none
            # is published: the link service is a separate decision (docs/sync.md).
            "DuongDanTaiTepTin": "",
        }
        for f in dossier.files.select_related("document").order_by("pk")
    ]


def _fees(dossier: Dossier) -> list[dict[str, Any]]:
    if not dossier.fee_amount:
        return []
    return [{
        "TenPhiLePhi": "Phí, lệ phí",
        "MaPhiLePhi": "",
        "HinhThucThu": PAYMENT_CODES[bool(dossier.paid_online)],
        "Gia": int(dossier.fee_amount),
        "LoaiPhiLePhi": "1",
    }]


def _supplements(dossier: Dossier) -> list[dict[str, Any]]:
    rows = []
    for request in dossier.supplement_requests.select_related("requested_by").order_by("number"):
        rows.append({
            "HoSoBoSungId": f"{dossier.code}-BS{request.number}",
            "NguoiYeuCauBoSung": str(request.requested_by) if request.requested_by else "",
            "NoiDungBoSung": request.reason,
            "NgayBoSung": portal_date(request.requested_at),
            "NguoiTiepNhanBoSung": "",
            "ThongTinTiepNhan": "",
            "NgayTiepNhanBoSung": portal_date(request.answered_at),
            "TrangThaiBoSung": "1" if request.answered_at else "0",
            "DanhSachGiayToBoSung": [{"TenGiayTo": str(item)} for item in request.items],
            "DanhSachLePhiBoSung": [],
            "NgayHenTraTruoc": portal_date(dossier.original_due_at),
            "NgayHenTraMoi": portal_date(dossier.due_at) if request.answered_at else "",
        })
    return rows


def _results(dossier: Dossier) -> list[dict[str, Any]]:
    if dossier.status not in (Status.RESULT_READY, Status.RETURNED) or not (
        dossier.result_file or dossier.result_text or dossier.result_signed_id
    ):
        return []
    name = dossier.result_text.strip().splitlines()[0] if dossier.result_text.strip() else ""
    return [{
        "TenGiayTo": name or dossier.version.procedure.name,
        "MaThanhPhanHoSo": "",
        "GiayToId": f"{dossier.code}-KQ",
        "DuongDanTepTinKetQua": "",
    }]


def _agency_name(dossier: Dossier) -> str:
    agency = dossier.competent_agency
    return agency.name if agency is not None else ""


def sync_dossier(dossier: Dossier, event: DossierEvent) -> dict[str, Any]:
    """The `DongBoHoSoMC` request for the dossier as it stands after `event`."""
    code, name, field_code, field_name = _procedure(dossier)
    applicant = dossier.applicant
    item = {
        "MaHoSo": dossier.code,
        "MaTTHC": code,
        "TenTTHC": name,
        "MaLinhVuc": field_code,
        "TenLinhVuc": field_name,
        "KenhThucHien": CHANNEL_CODES.get(dossier.channel, "1"),
        "ChuHoSo": applicant.name,
        "LoaiDoiTuong": APPLICANT_KINDS.get(applicant.kind, "1"),
        "MaDoiTuong": applicant.id_number,
        "ThongTinKhac": "",
        "Email": applicant.email,
        "Fax": "",
        "SoDienThoai": applicant.phone,
        "DiaChi": applicant.address,
        "TrichYeuHoSo": dossier.request or name,
        "NgayTiepNhan": portal_date(dossier.received_at),
        "NgayHenTra": portal_date(dossier.new_appointment_at or dossier.due_at),
        "TrangThaiHoSo": national_status(event.to_status),
        "NgayTra": portal_date(dossier.returned_at),
        "ThongTinTra": "",
        "HinhThuc": DELIVERY_CODES.get(dossier.result_delivery, "0"),
        "NgayKetThucXuLy": portal_date(_finished_at(dossier)),
        "DonViXuLy": _agency_name(dossier),
        "GhiChu": event.reason,
        "TaiLieuNop": _files(dossier),
        "DanhSachLePhi": _fees(dossier),
        "DanhSachTepDinhKemKhac": [],
        "DanhSachHoSoBoSung": _supplements(dossier),
        "DanhSachGiayToKetQua": _results(dossier),
    }
    return {"service": Service.SYNC_DOSSIER.value, "isUpdating": "False" if event.seq == 1 else "True",
            "data": [item]}


def update_progress(dossier: Dossier, event: DossierEvent) -> dict[str, Any]:
    """The `CapNhatTienDoHoSoMC` request for the step `event` records."""
    actor = event.actor
    step = dossier.current_step if dossier.current_step_id else None
    with translation.override(settings.LANGUAGE_CODE):
        title = str(actor.get_role_display()) if actor is not None else ""
    label = ACTION_LABELS.get(event.action, event.action)
    item = {
        "MaHoSo": dossier.code,
        "NguoiXuLy": str(actor) if actor is not None else "",
        "ChucDanh": title,
        "ThoiDiemXuLy": portal_date(event.at),
        "PhongBanXuLy": actor.agency.name if actor is not None and actor.agency is not None else "",
        "NoiDungXuLy": f"{label}: {event.reason}" if event.reason else label,
        "TrangThai": national_status(event.to_status),
        "NgayBatDau": portal_date(step.started_at) if step else "",
        "NgayKetThucTheoQuyDinh": portal_date(step.due_at) if step else "",
    }
    return {"service": Service.UPDATE_PROGRESS.value, "data": [item]}
