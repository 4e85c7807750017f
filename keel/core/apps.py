from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "keel.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from keel.core import checks  # noqa: F401 - registers Keel's system checks
        from keel.core.scheduler import register_core_jobs

        register_core_jobs()
