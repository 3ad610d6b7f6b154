import datetime as dt

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DossiersConfig(AppConfig):
    name = "motcua.dossiers"
    label = "dossiers"
    verbose_name = _("Hồ sơ")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_out

        user_logged_out.connect(_forget_held_uploads, dispatch_uid="dossiers.forget-held-uploads")
        # The periodic jobs `motcua worker` runs (motcua/dossiers/jobs.py, docs/jobs.md).
        from motcua.jobs import registry

        registry.periodic("dossiers.deadline-sweep", "motcua.dossiers.jobs.deadline_sweep", minutes=15,
                          description=_("Ghi ảnh chụp hạn xử lý (sắp đến hạn, quá hạn) và hồ sơ cần xin lỗi"))
        registry.periodic("dossiers.seal-audit", "motcua.dossiers.jobs.seal_audit", minutes=60,
                          description=_("Niêm phong đầu chuỗi nhật ký hồ sơ ra ngoài cơ sở dữ liệu"))
        registry.periodic("dossiers.verify-audit", "motcua.dossiers.jobs.verify_audit",
                          daily_at=dt.time(3, 0),
                          description=_("Kiểm tra toàn vẹn nhật ký mọi hồ sơ"))
        registry.periodic("dossiers.clean-files", "motcua.dossiers.jobs.clean_files", daily_at=dt.time(2, 30),
                          description=_("Xóa tệp tải lên không thuộc hồ sơ nào"))
        registry.periodic("dossiers.forget-submission-keys", "motcua.dossiers.jobs.forget_submission_keys",
                          minutes=60, description=_("Xóa khóa chống nộp trùng đã quá một ngày"))


def _forget_held_uploads(sender: object, request: object = None, **kwargs: object) -> None:
    from motcua.dossiers import held_uploads

    if request is not None:
        held_uploads.forget(request)
