from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "motcua.api"
    label = "api"
    verbose_name = _("API tích hợp")

    def ready(self) -> None:
        from motcua.api import audit

        audit.connect()
