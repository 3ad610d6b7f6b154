import datetime as dt

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotifyConfig(AppConfig):
    name = "motcua.notify"
    label = "notify"
    verbose_name = _("Thông báo")

    def ready(self) -> None:
        from django.conf import settings

        from motcua.dossiers import hooks
        from motcua.jobs import registry
        from motcua.notify import handlers

        hooks.subscribe("notify", handlers.on_event)
        registry.periodic(
            "notify.deliver",
            "motcua.notify.delivery.deliver_due",
            minutes=1,
            at_start=True,
            description=_("Gửi các thông báo đến hạn (gửi lại, hoặc còn dở khi bộ chạy dừng)"),
        )
        registry.periodic(
            "notify.digest",
            "motcua.notify.digest.send_daily",
            daily_at=dt.time(int(settings.MOTCUA_NOTIFY["digest_hour"]), 0),
            description=_("Thư tổng hợp hằng ngày cho cán bộ: hồ sơ sắp đến hạn, quá hạn"),
        )
