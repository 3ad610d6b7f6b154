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

        import datetime as dt

        from motcua.jobs import registry

        # Monthly partitions ahead (PostgreSQL), rows out of the DEFAULT partition, the stock
        # snapshots of the months that have begun (docs/scale.md). Never inside a transition.
        registry.periodic("stats.partitions", "motcua.stats.jobs.maintain_partitions",
                          daily_at=dt.time(0, 20), at_start=True,
                          description=_(
                              "Tạo trước phân vùng theo tháng và ảnh chụp tồn đầu tháng của thống kê"))
