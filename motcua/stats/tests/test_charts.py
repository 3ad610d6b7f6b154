"""The SVG charts are accessible: a title, a description, role img, and escaped labels."""

from __future__ import annotations

from motcua.stats import charts


def test_column_chart_has_title_description_and_one_bar_per_value() -> None:
    svg = charts.column_chart(
        "t",
        "Hồ sơ theo tuần",
        "Mô tả",
        ["02/03", "09/03"],
        [charts.Series("Tiếp nhận", [3, 5]), charts.Series("Đã giải quyết", [2, 4])],
    )
    assert 'role="img"' in svg and 'aria-labelledby="t-title t-desc"' in svg
    assert '<title id="t-title">Hồ sơ theo tuần</title>' in svg
    assert svg.count("<rect") == 4 + 2  # four bars and two legend keys


def test_bar_list_escapes_labels() -> None:
    svg = charts.bar_list("r", "Xếp hạng", "Mô tả", [("<xã>", 50.0, "50%")], maximum=100)
    assert "&lt;xã&gt;" in svg and "<xã>" not in svg
