from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "motcua.catalog"
    label = "catalog"
    verbose_name = _("Danh mục thủ tục")

    def ready(self) -> None:
        from motcua.catalog.services import connect_competence_signals

        connect_competence_signals()
