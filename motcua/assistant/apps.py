from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssistantConfig(AppConfig):
    name = "motcua.assistant"
    verbose_name = _("Trợ lý ảo")

    def ready(self) -> None:
        from motcua.assistant import knowledge

        knowledge.connect_signals()
