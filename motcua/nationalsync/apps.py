from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NationalSyncConfig(AppConfig):
    name = "motcua.nationalsync"
    label = "nationalsync"
    verbose_name = _("Đồng bộ Cổng Dịch vụ công quốc gia")

    def ready(self) -> None:
        # The one explicit hook (motcua/dossiers/hooks.py): every appended event queues the
        # portal's messages in the transition's own transaction.
        from motcua.dossiers import hooks
        from motcua.nationalsync import outbox

        hooks.subscribe("nationalsync", outbox.queue_event)

        from motcua.jobs import registry

        registry.periodic("nationalsync.deliver", "motcua.nationalsync.jobs.deliver",
                          minutes=1, at_start=True,
                          description=_("Gửi thông điệp đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia"))
