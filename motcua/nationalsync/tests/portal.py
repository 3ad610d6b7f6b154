"""A local stand-in for the national portal's sync endpoint: it validates every field of every
message it receives (the test starts it on a free port and reads what it got)."""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

Check = Callable[[Any], bool]

DOSSIER_CODE = re.compile(r"^[0-9A-Z.]+-\d{6}-\d{4}$")


def text(value: Any) -> bool:
    return isinstance(value, str)


def filled(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def date_or_empty(value: Any) -> bool:
    if value == "":
        return True
    if not (isinstance(value, str) and re.fullmatch(r"\d{14}", value)):
        return False
    try:
        dt.datetime.strptime(value, "%Y%m%d%H%M%S")
    except ValueError:
        return False
    return True


def date(value: Any) -> bool:
    return value != "" and date_or_empty(value)


def one_of(*choices: str) -> Check:
    return lambda value: value in choices


STATUS = one_of(*[str(n) for n in range(1, 11)])


def items(schema: Mapping[str, Check]) -> Check:
    def check(value: Any) -> bool:
        return isinstance(value, list) and all(not problems(item, schema, "") for item in value)
    return check


FILE = {"TepDinhKemId": filled, "TenTepDinhKem": filled, "IsDeleted": one_of("False", "True"),
        "MaThanhPhanHoSo": text, "DuongDanTaiTepTin": text}
FEE = {"TenPhiLePhi": filled, "MaPhiLePhi": text, "HinhThucThu": one_of("1", "2"),
       "Gia": lambda v: isinstance(v, int) and v > 0, "LoaiPhiLePhi": one_of("1", "2")}
SUPPLEMENT = {
    "HoSoBoSungId": filled, "NguoiYeuCauBoSung": text, "NoiDungBoSung": filled, "NgayBoSung": date,
    "NguoiTiepNhanBoSung": text, "ThongTinTiepNhan": text, "NgayTiepNhanBoSung": date_or_empty,
    "TrangThaiBoSung": one_of("0", "1"), "DanhSachGiayToBoSung": items({"TenGiayTo": filled}),
    "DanhSachLePhiBoSung": lambda v: v == [],
    "NgayHenTraTruoc": date_or_empty, "NgayHenTraMoi": date_or_empty,
}
RESULT = {"TenGiayTo": filled, "MaThanhPhanHoSo": text, "GiayToId": filled, "DuongDanTepTinKetQua": text}

SYNC_DOSSIER = {
    "MaHoSo": lambda v: isinstance(v, str) and bool(DOSSIER_CODE.match(v)),
    "MaTTHC": lambda v: isinstance(v, str) and bool(re.fullmatch(r"\d\.\d{6}(\.[0-9A-Z.]+)?", v)),
    "TenTTHC": filled, "MaLinhVuc": text, "TenLinhVuc": filled,
    "KenhThucHien": one_of("1", "2", "3"), "ChuHoSo": filled, "LoaiDoiTuong": one_of("1", "2"),
    "MaDoiTuong": lambda v: isinstance(v, str) and bool(re.fullmatch(r"[0-9A-Za-z-]+", v)),
    "ThongTinKhac": text, "Email": text, "Fax": text, "SoDienThoai": text, "DiaChi": text,
    "TrichYeuHoSo": filled, "NgayTiepNhan": date_or_empty, "NgayHenTra": date_or_empty,
    "TrangThaiHoSo": STATUS, "NgayTra": date_or_empty, "ThongTinTra": text, "HinhThuc": one_of("0", "1"),
    "NgayKetThucXuLy": date_or_empty, "DonViXuLy": filled, "GhiChu": text,
    "TaiLieuNop": items(FILE), "DanhSachLePhi": items(FEE), "DanhSachTepDinhKemKhac": lambda v: v == [],
    "DanhSachHoSoBoSung": items(SUPPLEMENT), "DanhSachGiayToKetQua": items(RESULT),
}
UPDATE_PROGRESS = {
    "MaHoSo": lambda v: isinstance(v, str) and bool(DOSSIER_CODE.match(v)),
    "NguoiXuLy": text, "ChucDanh": text, "ThoiDiemXuLy": date, "PhongBanXuLy": text,
    "NoiDungXuLy": filled, "TrangThai": STATUS, "NgayBatDau": date_or_empty,
    "NgayKetThucTheoQuyDinh": date_or_empty,
}


def problems(item: Any, schema: Mapping[str, Check], where: str) -> list[str]:
    if not isinstance(item, dict):
        return [f"{where}: not an object"]
    found = [f"{where}{name}: missing" for name in schema if name not in item]
    found += [f"{where}{name}: unexpected" for name in item if name not in schema]
    found += [f"{where}{name}: bad value {item[name]!r}" for name, check in schema.items()
              if name in item and not check(item[name])]
    return found


def validate(body: Any) -> list[str]:
    """Every problem of one request body (empty: valid)."""
    if not isinstance(body, dict):
        return ["body: not an object"]
    service = body.get("service")
    if service == "DongBoHoSoMC":
        envelope = {"service", "isUpdating", "data"}
        schema = SYNC_DOSSIER
        found = [] if body.get("isUpdating") in ("True", "False") else ["isUpdating: bad value"]
    elif service == "CapNhatTienDoHoSoMC":
        envelope = {"service", "data"}
        schema = UPDATE_PROGRESS
        found = []
    else:
        return [f"service: unknown {service!r}"]
    if set(body) != envelope:
        found.append(f"envelope: keys {sorted(body)}")
    data = body.get("data")
    if not isinstance(data, list) or len(data) != 1:
        return found + ["data: not a list of one item"]
    return found + problems(data[0], schema, "data[0].")


@dataclass
class Received:
    key: str
    body: dict[str, Any]
    problems: list[str]
    authorization: str


@dataclass
class Portal:
    """What the server received, and how it should answer."""

    received: list[Received] = field(default_factory=list)
    # Keys answered with a 503 for their first N attempts.
    fail_first: dict[str, int] = field(default_factory=dict)
    # Answer {"error_code": -1} to these keys (the portal's refusal inside a 200).
    refuse: set[str] = field(default_factory=set)
    # Refuse these keys quoting the applicant back (a 422 whose message names them, as portals
    # do), or, in `echo_in_200`, inside a 200 with an error code.
    echo: set[str] = field(default_factory=set)
    echo_in_200: set[str] = field(default_factory=set)
    # Refuse these keys with the applicant's ID number as the error code itself.
    echo_in_code: set[str] = field(default_factory=set)
    delay: float = 0.0
    attempts: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    url: str = ""

    def accepted(self) -> list[Received]:
        with self.lock:
            return list(self.received)

    def distinct(self) -> dict[str, Received]:
        out: dict[str, Received] = {}
        for item in self.accepted():
            out.setdefault(item.key, item)
        return out


def start(portal: Portal) -> tuple[HTTPServer, threading.Thread]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
            length = int(self.headers.get("Content-Length", "0"))
            raw = self.rfile.read(length)
            key = self.headers.get("Idempotency-Key", "")
            if portal.delay:
                time.sleep(portal.delay)
            with portal.lock:
                portal.attempts[key] = portal.attempts.get(key, 0) + 1
                attempt = portal.attempts[key]
            if attempt <= portal.fail_first.get(key, 0):
                self._answer(503, {"error_code": -1, "message": "Hệ thống đang bận"})
                return
            if key in portal.refuse:
                self._answer(200, {"error_code": -1, "message": "Mã thủ tục không tồn tại"})
                return
            try:
                body = json.loads(raw.decode("utf-8"))
            except ValueError:
                body = None
            if key in portal.echo | portal.echo_in_200:
                record = (body or {}).get("data", [{}])[0]
                quoted = (f"Hồ sơ của {record.get('ChuHoSo', '')} "
                          f"(số định danh {record.get('MaDoiTuong', '')}, "
                          f"điện thoại {record.get('SoDienThoai', '')}) không hợp lệ")
                self._answer(200 if key in portal.echo_in_200 else 422, {"error_code": 42, "message": quoted})
                return
            if key in portal.echo_in_code:
                record = (body or {}).get("data", [{}])[0]
                self._answer(200, {"error_code": f"ID{record.get('MaDoiTuong', '')}", "message": "Sai"})
                return
            found = validate(body)
            with portal.lock:
                authorization = self.headers.get("Authorization", "")
                portal.received.append(Received(key, body or {}, found, authorization))
            self._answer(200, {"error_code": 0, "message": "Thành công"})

        def _answer(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    portal.url = f"http://127.0.0.1:{server.server_address[1]}/api/dvcqg/sync"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread
