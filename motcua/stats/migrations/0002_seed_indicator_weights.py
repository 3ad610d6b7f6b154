"""Seed Decision 766's indicators: group points are the decision's; the sub-weights and
thresholds inside a group are to confirm (docs/stats.md) and editable in the admin."""

from decimal import Decimal

from django.db import migrations

# (order, code, group, name, points, full-score threshold, note)
WEIGHTS = [
    (1, "1.1", "publicity", "Công khai, minh bạch thông tin thủ tục hành chính", "18", "1",
     "Cần xác nhận. motcua chưa có dữ liệu đánh giá công khai."),
    (2, "2.1", "progress", "Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn và đang giải quyết còn hạn", "20", "1",
     "Cần xác nhận ngưỡng."),
    (3, "3.1", "online", "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến", "6", "0.8",
     "Đạt điểm tối đa khi từ 80%; trọng số cần xác nhận."),
    (4, "3.3", "online", "Tỷ lệ hồ sơ nộp trực tuyến", "6", "0.5",
     "Đạt điểm tối đa khi từ 50%; trọng số cần xác nhận."),
    (5, "3.6", "payment", "Tỷ lệ hồ sơ thanh toán trực tuyến trên số hồ sơ của thủ tục có phí, lệ phí", "10",
     "1", "Cần xác nhận ngưỡng."),
    (6, "4.1", "digitisation", "Tỷ lệ kết quả giải quyết được cấp bản điện tử", "6", "1", "Cần xác nhận."),
    (7, "4.2", "digitisation", "Tỷ lệ số hóa thành phần hồ sơ và kết quả giải quyết", "6", "0.8",
     "Đạt điểm tối đa khi từ 80%. motcua chưa ghi nhận số hóa thành phần hồ sơ."),
    (8, "4.3", "digitisation", "Cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính", "3", "1",
     "Cần xác nhận."),
    (9, "4.4", "digitisation", "Tỷ lệ khai thác, sử dụng lại dữ liệu đã số hóa", "4", "0.8",
     "Đạt điểm tối đa khi từ 80%."),
    (10, "4.5", "digitisation", "Kết nối với kho quản lý dữ liệu điện tử của tổ chức, cá nhân", "3", "1",
     "Cần xác nhận."),
    (11, "5.4", "satisfaction",
     "Mức độ hài lòng: 100% trừ tỷ lệ hồ sơ quá hạn và tỷ lệ hồ sơ bị phản ánh, không hài lòng", "18", "0.9",
     "Đạt điểm tối đa khi từ 90%. motcua chưa có dữ liệu đánh giá hài lòng."),
]


def seed(apps, schema_editor):
    IndicatorWeight = apps.get_model("stats", "IndicatorWeight")
    for order, code, group, name, points, threshold, note in WEIGHTS:
        IndicatorWeight.objects.update_or_create(code=code, defaults={
            "order": order, "group": group, "name": name, "max_points": Decimal(points),
            "threshold": Decimal(threshold), "note": note,
        })


def unseed(apps, schema_editor):
    apps.get_model("stats", "IndicatorWeight").objects.filter(code__in=[w[1] for w in WEIGHTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("stats", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
