from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "motcua.payments"
    label = "payments"
    verbose_name = _("Thanh toán trực tuyến")

    def ready(self) -> None:
        from motcua.dossiers import hooks
        from motcua.payments.checks import refuse_unverified_online_payment

        hooks.subscribe("payments.online_needs_gateway", refuse_unverified_online_payment)
