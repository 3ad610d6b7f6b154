from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    name = "motcua.stats"
    label = "stats"
    verbose_name = _("Thống kê, báo cáo")

    def ready(self) -> None:
        # Connects the aggregate updater to every appended DossierEvent (motcua.stats.facts).
        from motcua.stats import facts  # noqa: F401
