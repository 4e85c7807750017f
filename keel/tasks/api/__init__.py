"""The tasks app's API routes (mounted by keel/api.py): projects and tasks (`tasks.py`),
progress, recurring series and calendar feeds (`planning.py`)."""

from ninja import Router

from keel.tasks.api.planning import router as planning_router
from keel.tasks.api.tasks import router as tasks_router

router = Router()
router.add_router("", tasks_router)
router.add_router("", planning_router)

__all__ = ["router"]
