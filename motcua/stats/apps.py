from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    name = "motcua.stats"
    label = "stats"
    verbose_name = _("Thống kê, báo cáo")

    def ready(self) -> None:
        # The statistics follow every transition through the one hook of the service layer.
        from motcua.dossiers import hooks
        from motcua.stats import facts

        hooks.subscribe("stats", facts.on_transition)
