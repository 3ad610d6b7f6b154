from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "motcua.portal"
    label = "portal"
    verbose_name = _("Cổng dịch vụ công")

    def ready(self) -> None:
        from motcua.jobs import registry

        registry.periodic("portal.held-uploads", "motcua.portal.jobs.sweep_held_uploads", minutes=60,
                          description=_("Xóa tệp giữ lại của các lần nộp trực tuyến bị bỏ dở"))
