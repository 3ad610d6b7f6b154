from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EcopyConfig(AppConfig):
    name = "motcua.ecopy"
    label = "ecopy"
    verbose_name = _("Chứng thực bản sao điện tử")
