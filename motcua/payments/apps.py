from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "motcua.payments"
    label = "payments"
    verbose_name = _("Thanh toán trực tuyến")

    def ready(self) -> None:
        import datetime as dt

        from motcua.jobs import registry

        registry.periodic("payments.settle", "motcua.payments.jobs.settle", minutes=5,
                          description=_("Hỏi nền tảng thanh toán về các giao dịch chưa nhận được thông báo"))
        registry.periodic("payments.reconcile", "motcua.payments.jobs.reconcile_yesterday",
                          daily_at=dt.time(1, 30),
                          description=_("Đối soát giao dịch thanh toán trực tuyến của ngày hôm trước"))
