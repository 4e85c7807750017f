"""Forms of the tasks pages. Import from here: `from keel.tasks import forms`.

They parse input into the services' keyword arguments; rules that need the database are the
services'. Split by page: shared fields and pickers (`fields`), projects, tasks, the list
(`lists`); the planning forms (`planning`) are imported by their own module path.
"""

from keel.tasks.forms.fields import (
    DateInput,
    FastSelect,
    FastSelectMultiple,
    MemberChoiceField,
    MembersChoiceField,
    Pickers,
    TimeInput,
    assignee_choices,
    assignee_value,
    combine,
    members_of,
    parse_assignee,
    use_fast_selects,
)
from keel.tasks.forms.lists import (
    BULK_KEEP,
    GROUPS,
    SORTS,
    BulkEditForm,
    SavedFilterForm,
    TaskFilterForm,
)
from keel.tasks.forms.projects import (
    ProjectForm,
    ProjectKeyField,
    ProjectMembersForm,
    SectionForm,
)
from keel.tasks.forms.tasks import (
    AttachmentForm,
    CommentForm,
    DependencyForm,
    DescriptionForm,
    QuickAddForm,
    StatusForm,
    SubtaskForm,
    TaskForm,
)

__all__ = [
    "BULK_KEEP",
    "GROUPS",
    "SORTS",
    "AttachmentForm",
    "BulkEditForm",
    "CommentForm",
    "DateInput",
    "DependencyForm",
    "DescriptionForm",
    "FastSelect",
    "FastSelectMultiple",
    "MemberChoiceField",
    "MembersChoiceField",
    "Pickers",
    "ProjectForm",
    "ProjectKeyField",
    "ProjectMembersForm",
    "QuickAddForm",
    "SavedFilterForm",
    "SectionForm",
    "StatusForm",
    "SubtaskForm",
    "TaskFilterForm",
    "TaskForm",
    "TimeInput",
    "assignee_choices",
    "assignee_value",
    "combine",
    "members_of",
    "parse_assignee",
    "use_fast_selects",
]
