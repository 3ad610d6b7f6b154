from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorktimeConfig(AppConfig):
    name = "motcua.worktime"
    label = "worktime"
    verbose_name = _("Thời gian làm việc")

    def ready(self) -> None:
        from motcua.worktime import calendars  # noqa: F401  (connects the cache-clearing signals)
