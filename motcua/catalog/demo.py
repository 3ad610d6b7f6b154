"""Demo catalog: the real national file when present, else a small hand-written one.

Then map fields to Lạng Sơn's departments (FieldDepartment) for the agencies that
exist. Idempotent: re-importing unchanged content changes nothing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.utils.translation import gettext

from motcua.catalog.importer import import_catalog
from motcua.catalog.models import Field, FieldDepartment, Procedure
from motcua.core.text import fold

REAL_FILES = ("catalog/procedures-2026-07.jsonl.gz", "catalog/procedures-2026-07.jsonl")
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "demo_catalog.jsonl"
# First versions start with the two-level local government, so demo dossiers
# dated from then on find the version in force.
FIRST_VERSION_DAY = dt.date(2025, 7, 1)

# Folded keywords of a field name → folded keyword of the department's name.
# Order matters: the first rule that matches a field wins.
FIELD_RULES: list[tuple[tuple[str, ...], str]] = [
    (("ho tich", "chung thuc", "ly lich tu phap", "cong chung", "luat su", "quoc tich", "nuoi con nuoi",
      "tro giup phap ly", "giam dinh tu phap", "dau gia", "hoa giai", "thua phat lai", "boi thuong nha nuoc",
      "bien phap bao dam", "tu phap"), "tu phap"),
    (("dat dai", "moi truong", "tai nguyen", "khoang san", "lam nghiep", "trong trot", "thu y", "chan nuoi",
      "thuy loi", "thuy san", "nong nghiep", "do dac", "kiem lam", "phong chong thien tai", "bien va hai dao",
      "khi tuong"), "nong nghiep va moi truong"),
    (("xay dung", "nha o", "duong bo", "dang kiem", "quy hoach", "giao thong", "duong thuy", "hang hai",
      "kinh doanh bat dong san", "vat lieu xay dung"), "xay dung"),
    (("doanh nghiep", "dau tu", "tai chinh", "ho kinh doanh", "hop tac xa", "quan ly gia", "ngan sach",
      "cong san", "dau thau"), "tai chinh"),
    (("giao duc", "dao tao", "giao duc nghe nghiep"), "giao duc"),
    (("y te", "kham benh", "duoc pham", "my pham", "trang thiet bi y te", "dan so", "phong benh"), "y te"),
    (("van hoa", "du lich", "the duc", "the thao", "gia dinh", "di san", "bao chi", "xuat ban",
      "phat thanh"), "van hoa"),
    (("cong thuong", "thuong mai", "dien luc", "hoa chat", "xuat nhap khau", "xuc tien", "an toan thuc pham",
      "kinh doanh khi", "xang dau", "cong nghiep"), "cong thuong"),
    (("noi vu", "lao dong", "viec lam", "nguoi co cong", "bao tro xa hoi", "thi dua", "khen thuong",
      "cong chuc", "vien chuc", "to chuc hanh chinh", "van thu", "luu tru", "tien luong", "an toan lao dong",
      "bao hiem"), "noi vu"),
    (("khoa hoc", "cong nghe", "buu chinh", "vien thong", "tan so", "so huu tri tue", "tieu chuan",
      "do luong", "chuyen doi so", "cong nghe thong tin"), "khoa hoc"),
    (("dan toc", "ton giao", "tin nguong"), "dan toc"),
]


def load(command: Any, data_dir: Path) -> None:
    path = next((data_dir / name for name in REAL_FILES if (data_dir / name).is_file()), None)
    source = path or FIXTURE
    effective = None if Procedure.objects.exists() else FIRST_VERSION_DAY
    command.stdout.write(gettext("Danh mục thủ tục: nhập %(file)s") % {"file": source.name})
    result = import_catalog(source, effective=effective, progress=path is not None)
    command.stdout.write("  " + gettext(
        "đọc %(read)s, tạo mới %(created)s, phiên bản mới %(new)s, không đổi %(unchanged)s; "
        "thời hạn có cấu trúc %(rate)s") % {
        "read": result.read, "created": result.created, "new": result.new_versions,
        "unchanged": result.unchanged, "rate": f"{result.time_limit_rate:.1%}"})
    mapped = seed_field_departments()
    command.stdout.write("  " + gettext("lĩnh vực được gán cho sở: %(count)s") % {"count": mapped})


def department_keyword(field_name: str) -> str | None:
    folded = fold(field_name)
    return next((department for keywords, department in FIELD_RULES
                 if any(keyword in folded for keyword in keywords)), None)


def seed_field_departments(province_suffix: str = "H37", valid_from: dt.date = FIRST_VERSION_DAY) -> int:
    """Map each field to its Lạng Sơn department, for the departments that exist. Returns mappings made."""
    from motcua.agencies.models import Agency

    departments = list(Agency.objects.filter(kind=Agency.Kind.DEPARTMENT, is_active=True,
                                             code__endswith="." + province_suffix))
    if not departments:
        return 0
    by_keyword = {}
    for _, department in FIELD_RULES:
        agency = next((a for a in departments if department in fold(a.name)), None)
        if agency is not None:
            by_keyword[department] = agency
    made = 0
    already = set(FieldDepartment.objects.filter(agency__in=departments).values_list("field_id", flat=True))
    for field in Field.objects.exclude(pk__in=already):
        wanted = department_keyword(field.name)
        agency = by_keyword.get(wanted) if wanted else None
        if agency is not None:
            FieldDepartment.objects.get_or_create(field=field, agency=agency, valid_from=valid_from)
            made += 1
    return made
