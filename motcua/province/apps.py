from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvinceConfig(AppConfig):
    name = "motcua.province"
    label = "province"
    verbose_name = _("Thiết lập tỉnh và sắp xếp cơ quan")
    default_auto_field = "django.db.models.BigAutoField"
