# ruff: noqa: E501  (CSV rows are kept one per line, as in the file)
"""Hand-written conversion tables in the Government's format, reproducing each quirk.

The provinces, districts and communes are fabricated (Tỉnh Núi Xanh, Tỉnh Biển Đông, …);
only the layout and the kinds of mistakes follow the real file.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

HEADER = (
    "Đơn vị hành chính từ ngày 01/7/2025,,,Đơn vị hành chính trước ngày 01/7/2025,,,,,\n"
    '"Tỉnh, thành phố",Tên Xã mới,Mã Xã mới,Tên Xã cũ,Mã Xã cũ,Ghi chú,Quận/huyện,Tỉnh cũ,\n'
)

# Decomposed Unicode (NFD), as some rows of the real file are.
NFD_THUY_HUNG = unicodedata.normalize("NFD", "Xã Thụy Hùng")

# Line numbers in the file are given in the comments: tests refer to them.
ROWS = (
    # 3: section row, the province name in capitals with trailing spaces
    "TỈNH NÚI XANH  ,,,,,,,,\n"
    # 4-5: a new ward taking the code of one of its old wards (05977 reused); stray spaces
    "Tỉnh Núi Xanh (20),Phường Đông Kinh,05977,Phường Vĩnh Trại,05977,Nhập toàn bộ,Thành phố Núi Xanh (178),Tỉnh Núi Xanh (20),\n"
    "Tỉnh Núi Xanh (20),Phường Đông Kinh,05977, Xã Mai Hoa ,05992,Nhập toàn bộ ,Thành phố Núi Xanh (178),Tỉnh Núi Xanh (20),\n"
    # 6-7: two old communes with the same name in different districts; NFD; lower-case prefix
    f"Tỉnh Núi Xanh (20),{NFD_THUY_HUNG},06148,Xã Thụy Hùng,06136,Nhập toàn bộ,Huyện Văn Xa (182),Tỉnh Núi Xanh (20),\n"
    "Tỉnh Núi Xanh (20),Xã Thụy Hùng,06148,xã Thụy Hùng,06208,Nhập toàn bộ,Huyện Cao Sơn (183),Tỉnh Núi Xanh (20),\n"
    # 8-12: Bính Xá and Kiên Mộc each split between Kiên Mộc and Châu Sơn (partial merges);
    # a new line inside a quoted note (the record spans lines 8-9), the typo "Nhâp", a double space
    'Tỉnh Núi Xanh (20),Xã Kiên Mộc,06625,Xã Bính Xá,06622,"Nhập một phần\n",Huyện Đình Sơn (189),Tỉnh Núi Xanh (20),\n'
    "Tỉnh Núi Xanh (20),Xã Kiên Mộc,06625,Xã Kiên Mộc,06625,Nhâp một phần diện tích,Huyện Đình Sơn (189),Tỉnh Núi Xanh (20),\n"
    "Tỉnh Núi Xanh (20),Xã Châu Sơn,06637,Xã Kiên Mộc,06625,Nhập một  phần,Huyện Đình Sơn (189),Tỉnh Núi Xanh (20),\n"
    '"Tỉnh Núi Xanh (20)",Xã Châu Sơn,06637,Xã Bính Xá,06622,"Nhập một phần diện tích, toàn bộ dân số",Huyện Đình Sơn (189),Tỉnh Núi Xanh (20),\n'
    # 13: a township kept as it was, now a commune ("Giữ nguyên " with a trailing space)
    "Tỉnh Núi Xanh (20),Xã Đình Sơn,06613,Thị trấn Đình Sơn,06613,Giữ nguyên ,Huyện Đình Sơn (189),Tỉnh Núi Xanh (20),\n"
    # 14: a rename
    "Tỉnh Núi Xanh (20),Xã Bắc Xa,06619,Xã Hữu Nghị,06619,Đổi tên,Huyện Đình Sơn (189),Tỉnh Núi Xanh (20),\n"
    # 15: section row
    "TỈNH BIỂN ĐÔNG,,,,,,,,\n"
    # 16: a special zone made of a whole island district: no old commune at all
    "Tỉnh Biển Đông (22),Đặc khu Hòn Ngọc,22999,,,Sắp xếp toàn bộ huyện Hòn Ngọc thành đặc khu Hòn Ngọc,Huyện Hòn Ngọc (230),Tỉnh Đảo Ngọc (23),\n"
    # 17-18: a new line inside a new unit's name; the old province name without "Tỉnh"
    '"Tỉnh Biển Đông (22)","Phường Cửa Biển\n",22001,Phường Bến Cảng,22001,Nhập toàn bộ,Thành phố Cửa Biển (220),Biển Đông (22),\n'
    # 19: a special zone made of one commune
    "Tỉnh Biển Đông (22),Đặc khu Cồn Xa,22011,Xã Cồn Xa,22011,Sắp xếp toàn bộ xã Cồn Xa thành đặc khu Cồn Xa,Huyện Hòn Ngọc (230),Tỉnh Đảo Ngọc (23),\n"
    # 20: an area with no code is not an administrative unit: skipped
    "Tỉnh Biển Đông (22),Xã Bãi Bồi,22005,Khu vực bãi bồi do huyện Cửa Sông quản lý,,Nhập toàn bộ,Huyện Cửa Sông (221),Tỉnh Biển Đông (22),\n"
    # 21-22: one old code given to two different communes: the second row is skipped
    "Tỉnh Biển Đông (22),Xã Bãi Bồi,22005,Xã Cồn Cát,22003,Nhập toàn bộ,Huyện Cửa Sông (221),Tỉnh Biển Đông (22),\n"
    "Tỉnh Biển Đông (22),Xã Bãi Bồi,22005,Xã Cồn Sỏi,22003,Nhập toàn bộ,Huyện Cửa Sông (221),Tỉnh Biển Đông (22),\n"
)

QUIRKS = HEADER + ROWS


def write(tmp_path: Path, text: str = QUIRKS, name: str = "conversion.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def replace_line(text: str, line: int, new: str) -> str:
    """Replace physical line `line` (1-based) of `text`."""
    lines = text.split("\n")
    lines[line - 1] = new
    return "\n".join(lines)
