"""factory_boy factories for the tasks app, shared by every tasks test module (and others').

`TaskFactory(project=p)` or `TaskFactory(project__workspace=ws)`: a task's workspace always
comes from its project. Numbers are taken from the project's counter like the service does.
Factories write rows directly (no permission check, no activity): fast fixtures for tests.
"""

from __future__ import annotations

from typing import Any

import factory

from keel.core.tests.factories import WorkspaceFactory
from keel.tasks.models import (
    Attachment,
    Comment,
    Label,
    Project,
    ProjectMember,
    Section,
    Task,
    TaskDependency,
    TaskFollower,
    TaskLabel,
)
from keel.tasks.services._common import allocate_task_numbers

# A valid 1×1 transparent PNG.
PNG_BYTES = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6300010000000500010d0a2db40000000049454e44ae426082"
)


def _key(n: int) -> str:
    letters = ""
    n += 26  # at least two letters
    while n:
        n, rest = divmod(n, 26)
        letters = chr(ord("A") + rest) + letters
    return letters[-6:]


def next_task_number(project: Project) -> int:
    number = allocate_task_numbers(project.pk)
    project.task_counter = number
    return number


class ProjectFactory(factory.django.DjangoModelFactory[Project]):
    class Meta:
        model = Project

    workspace = factory.SubFactory(WorkspaceFactory)
    name = factory.Sequence(lambda n: f"Project {n}")
    key = factory.Sequence(_key)


class ProjectMemberFactory(factory.django.DjangoModelFactory[ProjectMember]):
    class Meta:
        model = ProjectMember

    project = factory.SubFactory(ProjectFactory)
    workspace = factory.LazyAttribute(lambda o: o.project.workspace)
    membership = factory.SubFactory(
        "keel.core.tests.factories.MembershipFactory",
        workspace=factory.SelfAttribute("..workspace"),
    )


class SectionFactory(factory.django.DjangoModelFactory[Section]):
    class Meta:
        model = Section

    project = factory.SubFactory(ProjectFactory)
    workspace = factory.LazyAttribute(lambda o: o.project.workspace)
    name = factory.Sequence(lambda n: f"Section {n}")
    position = factory.Sequence(lambda n: n)


class LabelFactory(factory.django.DjangoModelFactory[Label]):
    class Meta:
        model = Label
        django_get_or_create = ("workspace", "name")

    workspace = factory.SubFactory(WorkspaceFactory)
    name = factory.Sequence(lambda n: f"label-{n}")


class TaskFactory(factory.django.DjangoModelFactory[Task]):
    class Meta:
        model = Task
        skip_postgeneration_save = True

    project = factory.SubFactory(ProjectFactory)
    workspace = factory.LazyAttribute(lambda o: o.project.workspace)
    title = factory.Sequence(lambda n: f"Task {n}")
    number = factory.LazyAttribute(lambda o: next_task_number(o.project))
    position = factory.Sequence(float)

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> Any:
        project = kwargs["project"]
        if kwargs["workspace"] != project.workspace:
            raise ValueError("TaskFactory: pass project= (the workspace comes from it).")
        return super()._create(model_class, *args, **kwargs)

    @factory.post_generation
    def labels(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        task: Any = self  # the built Task at run time
        for label in extracted or ():
            if isinstance(label, str):
                label = LabelFactory(workspace=task.workspace, name=label)
            TaskLabel.objects.create(workspace=task.workspace, task=task, label=label)

    @factory.post_generation
    def followers(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        task: Any = self
        for membership in extracted or ():
            TaskFollower.objects.create(workspace=task.workspace, task=task, membership=membership)


class CommentFactory(factory.django.DjangoModelFactory[Comment]):
    class Meta:
        model = Comment

    task = factory.SubFactory(TaskFactory)
    workspace = factory.LazyAttribute(lambda o: o.task.workspace)
    body = factory.Sequence(lambda n: f"Comment {n}")
    body_html = factory.LazyAttribute(lambda o: f"<p>{o.body}</p>")


class AttachmentFactory(factory.django.DjangoModelFactory[Attachment]):
    """A small PNG attached to a task (written to the default storage)."""

    class Meta:
        model = Attachment

    task = factory.SubFactory(TaskFactory)
    workspace = factory.LazyAttribute(lambda o: o.task.workspace)
    file = factory.django.FileField(filename="photo.png", data=PNG_BYTES)
    name = "photo.png"
    size = len(PNG_BYTES)
    content_type = "image/png"


def dependency(task: Task, blocked_by: Task) -> TaskDependency:
    return TaskDependency.objects.create(workspace=task.workspace, task=task, blocked_by=blocked_by)
