from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    name = "motcua.desk"
    label = "desk"
    verbose_name = _("Bộ phận một cửa và xử lý hồ sơ")
