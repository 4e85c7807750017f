from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TasksConfig(AppConfig):
    name = "keel.tasks"
    label = "tasks"
    verbose_name = _("Tasks")

    def ready(self) -> None:
        # Each part of the app registers its hooks (offboarding, notifications, scheduler,
        # demo and bench seeders, audit labels) in its own wiring module.
        from keel.tasks import wiring_core, wiring_io, wiring_planning

        wiring_core.connect()
        wiring_planning.connect()
        wiring_io.connect()
