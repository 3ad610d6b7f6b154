from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "motcua.documents"
    label = "documents"
    verbose_name = _("Giấy tờ điện tử")

    def ready(self) -> None:
        from motcua.jobs import registry

        registry.periodic("documents.ocr", "motcua.documents.ocr_jobs.run_pending_job",
                          minutes=1, at_start=True,
                          description=_("Nhận dạng (OCR) các giấy tờ số hóa đang chờ"))
