"""Projects, sections, tasks and everything hanging off a task.

Indexes are chosen for the pages that must stay fast at 100,000 tasks: a project's list and
board (project, status, position / number), "My tasks" (assignee, status, due date), the
calendar (workspace, due date) and the activity/comment streams (task, created). Lists page
with keyset pagination over these keys, never OFFSET over a sort of the whole table.
"""

from __future__ import annotations

from typing import ClassVar, Self

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from keel.accounts.models import Group
from keel.core.models import Membership, WorkspaceQuerySet, WorkspaceScoped
from keel.org.models import Department, Seat


class Visibility(models.TextChoices):
    WORKSPACE = "workspace", _("Everyone in the workspace")
    MEMBERS = "members", _("Project members only")


class Project(WorkspaceScoped):
    name = models.CharField(_("name"), max_length=120)
    key = models.CharField(
        _("key"), max_length=6, help_text=_("2–6 capital letters; tasks read KEY-42.")
    )
    description = models.TextField(_("description"), blank=True)
    department = models.ForeignKey(
        Department, on_delete=models.SET_NULL, null=True, blank=True, related_name="projects",
        verbose_name=_("department"),
    )  # fmt: skip
    group = models.ForeignKey(
        Group, on_delete=models.SET_NULL, null=True, blank=True, related_name="projects",
        verbose_name=_("group"),
    )  # fmt: skip
    owner_seat = models.ForeignKey(
        Seat, on_delete=models.SET_NULL, null=True, blank=True, related_name="owned_projects",
        verbose_name=_("owner seat"),
    )  # fmt: skip
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.WORKSPACE
    )
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    created_by = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Next task number; incremented with an UPDATE … F() + 1 so numbers never repeat.
    task_counter = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "key"], name="project_unique_key"),
        ]

    def __str__(self) -> str:
        return self.name


class ProjectMember(WorkspaceScoped):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="memberships")
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="project_memberships"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "membership"], name="project_member_once")
        ]

    def __str__(self) -> str:
        return f"{self.membership} in {self.project}"


class Section(WorkspaceScoped):
    """A column of the board ("To do", "Listing drafts", …) and a group in the list.

    At most one section per project is its Done column (`done`): a card in it is a done task
    and a done task is a card in it (services.tasks keeps the two in step, see
    docs/architecture.md, "Done is a column and a status").
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="sections")
    name = models.CharField(_("name"), max_length=80)
    position = models.PositiveIntegerField(default=0)
    done = models.BooleanField(
        _("done column"),
        default=False,
        help_text=_("Moving a card here completes the task; completing a task moves it here."),
    )

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [
            models.UniqueConstraint(
                fields=["project"], condition=Q(done=True), name="section_one_done_column"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Label(WorkspaceScoped):
    name = models.CharField(_("name"), max_length=40)
    colour = models.PositiveSmallIntegerField(_("colour"), default=1)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["workspace", "name"], name="label_unique")]

    def __str__(self) -> str:
        return self.name


class Status(models.TextChoices):
    TODO = "todo", _("To do")
    IN_PROGRESS = "in_progress", _("In progress")
    BLOCKED = "blocked", _("Blocked")
    DONE = "done", _("Done")


class Priority(models.IntegerChoices):
    NONE = 0, _("No priority")
    LOW = 1, _("Low")
    MEDIUM = 2, _("Medium")
    HIGH = 3, _("High")
    URGENT = 4, _("Urgent")


class RecurrenceMode(models.TextChoices):
    SCHEDULE = "schedule", _("Repeat on schedule")
    AFTER_COMPLETION = "after_completion", _("Repeat after completion")


class Recurrence(WorkspaceScoped):
    """A series: the template of each occurrence plus an RFC 5545 RRULE in a time zone.

    Occurrences are materialised as Task rows; the unique (recurrence, occurrence_date)
    constraint on Task makes creating an occurrence exactly-once even with two workers.
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="recurrences")
    section = models.ForeignKey(Section, on_delete=models.SET_NULL, null=True, blank=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    assignee = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    assignee_seat = models.ForeignKey(
        Seat, on_delete=models.SET_NULL, null=True, blank=True, related_name="recurrences"
    )
    priority = models.PositiveSmallIntegerField(choices=Priority.choices, default=Priority.NONE)
    label_ids = models.JSONField(default=list, blank=True)
    rrule = models.CharField(_("repeat rule"), max_length=500)
    timezone = models.CharField(_("time zone"), max_length=64)
    # First occurrence, local wall-clock time in `timezone` (naive by design: DST-safe).
    dtstart_local = models.DateTimeField(_("starts"))
    all_day = models.BooleanField(default=True)
    mode = models.CharField(
        _("mode"), max_length=20, choices=RecurrenceMode.choices, default=RecurrenceMode.SCHEDULE
    )
    skipped = models.JSONField(default=list, blank=True)  # ISO dates of skipped occurrences
    stopped_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("recurring task")
        verbose_name_plural = _("recurring tasks")
        constraints = [
            # The last line behind the services' check: a stored 9 broke every task list.
            models.CheckConstraint(
                condition=Q(priority__in=Priority.values), name="recurrence_priority_known"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class TaskQuerySet(WorkspaceQuerySet["Task"]):
    def open(self) -> Self:
        return self.exclude(status=Status.DONE)


TaskManager = models.Manager.from_queryset(TaskQuerySet)


class Task(WorkspaceScoped):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="tasks")
    number = models.PositiveIntegerField(editable=False)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)  # Markdown
    description_html = models.TextField(blank=True, editable=False)  # sanitised render
    section = models.ForeignKey(
        Section, on_delete=models.SET_NULL, null=True, blank=True, related_name="tasks"
    )
    position = models.FloatField(default=0)  # order within the section/board column
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.TODO
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.NONE
    )
    assignee = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="assigned_tasks",
        verbose_name=_("assignee"),
    )  # fmt: skip
    assignee_seat = models.ForeignKey(
        Seat, on_delete=models.SET_NULL, null=True, blank=True, related_name="tasks",
        verbose_name=_("seat"),
    )  # fmt: skip
    # Dates: `*_date` always holds the day (in the workspace's time zone; for an occurrence of
    # a series, in the series' zone) so lists, calendars and indexes work on one column;
    # `*_at` is set only when a time of day was given.
    start_date = models.DateField(_("start"), null=True, blank=True)
    start_at = models.DateTimeField(null=True, blank=True)
    due_date = models.DateField(_("due"), null=True, blank=True)
    due_at = models.DateTimeField(null=True, blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="subtasks"
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recurrence = models.ForeignKey(
        Recurrence, on_delete=models.SET_NULL, null=True, blank=True, related_name="tasks"
    )
    occurrence_date = models.DateField(null=True, blank=True)
    labels: models.ManyToManyField[Label, TaskLabel] = models.ManyToManyField(
        Label, through="TaskLabel", blank=True, related_name="tasks"
    )
    followers: models.ManyToManyField[Membership, TaskFollower] = models.ManyToManyField(
        Membership, through="TaskFollower", blank=True, related_name="followed_tasks"
    )
    blocked_by: models.ManyToManyField[Task, TaskDependency] = models.ManyToManyField(
        "self", through="TaskDependency", symmetrical=False, blank=True, related_name="blocking"
    )

    objects: ClassVar[TaskManager[Task]] = TaskManager()

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="task_unique_number"),
            models.UniqueConstraint(
                fields=["recurrence", "occurrence_date"],
                condition=Q(recurrence__isnull=False),
                name="task_occurrence_once",
            ),
            models.CheckConstraint(
                condition=Q(due_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(due_date__gte=F("start_date")),
                name="task_due_not_before_start",
            ),
            models.CheckConstraint(
                condition=Q(assignee__isnull=True) | Q(assignee_seat__isnull=True),
                name="task_one_kind_of_assignee",
            ),
            models.CheckConstraint(
                condition=Q(priority__in=Priority.values), name="task_priority_known"
            ),
        ]
        indexes = [
            models.Index(fields=["project", "status", "position"], name="task_board"),
            models.Index(fields=["project", "number"], name="task_list"),
            # List sorts (keyset on (key, id)) and board columns (section, position).
            models.Index(fields=["project", "due_date"], name="task_list_due"),
            models.Index(fields=["project", "priority"], name="task_list_priority"),
            models.Index(fields=["project", "updated_at"], name="task_list_updated"),
            # Title and status sorts: id spelled out so that PostgreSQL too reads (key, id)
            # in index order (SQLite appends the rowid by itself); status pages one status
            # at a time by id (selectors.list._page_by_status).
            models.Index(fields=["project", "title", "id"], name="task_list_title"),
            models.Index(fields=["project", "status", "id"], name="task_list_status"),
            models.Index(fields=["project", "section", "position"], name="task_column"),
            # "My tasks": workspace first, so that SQLite (no ANALYZE statistics) prefers
            # these over the single-column workspace index: three equality columns beat one.
            models.Index(
                fields=["workspace", "assignee", "status", "due_date"], name="task_mine_ws"
            ),
            models.Index(
                fields=["workspace", "assignee_seat", "status", "due_date"], name="task_seat_ws"
            ),
            models.Index(fields=["workspace", "due_date"], name="task_calendar"),
            models.Index(fields=["parent"], name="task_parent"),
        ]

    def __str__(self) -> str:
        return f"{self.project.key}-{self.number} {self.title}" if self.project_id else self.title


class TaskLabel(WorkspaceScoped):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="task_labels")
    label = models.ForeignKey(Label, on_delete=models.CASCADE, related_name="task_labels")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["task", "label"], name="task_label_once")]

    def __str__(self) -> str:
        return f"{self.task_id}:{self.label_id}"


class TaskFollower(WorkspaceScoped):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="task_followers")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["task", "membership"], name="task_follower_once")
        ]

    def __str__(self) -> str:
        return f"{self.task_id}:{self.membership_id}"


class TaskDependency(WorkspaceScoped):
    """`task` cannot start until `blocked_by` is done. Cycles are refused by the service."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="dependencies")
    blocked_by = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="dependents")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["task", "blocked_by"], name="task_dependency_once"),
            models.CheckConstraint(
                condition=~Q(task=F("blocked_by")), name="task_not_blocked_by_itself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.task_id} after {self.blocked_by_id}"


class Comment(WorkspaceScoped):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(Membership, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(_("comment"))  # Markdown
    body_html = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["task", "created_at"], name="comment_stream")]

    def __str__(self) -> str:
        return self.body[:60]


class Attachment(WorkspaceScoped):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="attachments/%Y/%m/")
    name = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    content_type = models.CharField(max_length=100)
    uploaded_by = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.name


class Activity(WorkspaceScoped):
    """The task's history: every change, who made it and when (never secret data)."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="activities")
    actor = models.ForeignKey(Membership, on_delete=models.SET_NULL, null=True, related_name="+")
    verb = models.CharField(max_length=40)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["task", "created_at"], name="activity_stream")]

    def __str__(self) -> str:
        return f"{self.verb} {self.task_id}"


class ProgressStatus(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    OFF_TRACK = "off_track", _("Off track")


class StatusUpdate(WorkspaceScoped):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="status_updates")
    author = models.ForeignKey(Membership, on_delete=models.SET_NULL, null=True, related_name="+")
    status = models.CharField(_("status"), max_length=12, choices=ProgressStatus.choices)
    text = models.TextField(_("update"))
    text_html = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["project", "-created_at"], name="status_update_history")]

    def __str__(self) -> str:
        return f"{self.project}: {self.status}"


class SavedFilter(WorkspaceScoped):
    owner = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="saved_filters")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, null=True, blank=True)
    name = models.CharField(_("name"), max_length=80)
    params = models.JSONField(default=dict)
    shared = models.BooleanField(_("shared with the workspace"), default=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CalendarFeed(WorkspaceScoped):
    """A secret iCalendar URL for one member's tasks or one project's. Stored hashed."""

    owner = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="calendar_feeds")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, null=True, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed")

    def __str__(self) -> str:
        # Frozen into audit events (target_repr), so it is data, not prose in one language:
        # the project's name, or the name of the person whose tasks the feed carries.
        return self.project.name if self.project is not None else self.owner.user.display_name
