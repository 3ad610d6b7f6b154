from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CentreConfig(AppConfig):
    name = "motcua.centre"
    label = "centre"
    verbose_name = _("Quầy và lấy số thứ tự")
    default_auto_field = "django.db.models.BigAutoField"
