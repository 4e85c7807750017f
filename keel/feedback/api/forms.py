"""API routes for report forms: the forms, their questions and who writes them.

Thin like the pages: resolve the caller's membership, parse a schema, call one service (which
checks the permission, validates and audits). Builders need "feedback.forms_manage" or to own
the form; a member who only writes a form may GET it (to fill it in through the API).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from keel.accounts.models import Group
from keel.core.api_support import (
    ERROR_RESPONSES,
    Id,
    InputSchema,
    Page,
    PageParams,
    page_schema,
    paginate,
    workspace_membership,
)
from keel.core.models import Membership
from keel.core.permissions import require
from keel.core.services import AuditContext
from keel.feedback import selectors, services
from keel.feedback.models import (
    AnswerVisibility,
    Frequency,
    Measure,
    Prefill,
    Question,
    QuestionKind,
    ReportForm,
)
from keel.org.models import Seat

router = Router(tags=["feedback"])

WS = "/workspaces/{slug}/feedback/forms"

# --- Shapes ----------------------------------------------------------------------------------


class QuestionOut(Schema):
    id: int
    position: int
    kind: str
    prompt: str
    help: str
    required: bool
    visibility: str = Field(..., description='"managers" (manager chain only) or "team".')
    measure: str
    prefill: str
    choices: list[str]


class AudienceOut(Schema):
    member_ids: list[int]
    group_ids: list[int]
    seat_ids: list[int]
    writer_ids: list[int] = Field(..., description="Who writes the form now (resolved).")


HH_MM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


class FormOut(Schema):
    id: int
    title: str
    intro: str
    template: str
    frequency: str
    weekdays: list[str]
    month_day: int | None
    # "HH:MM" text, not a JSON-schema "time" (which carries an offset): the wall-clock time
    # in each writer's own zone.
    due_time: str = Field(..., pattern=HH_MM, description="HH:MM in each writer's own time zone.")
    late_window_hours: int
    edit_window_hours: int
    starts_on: datetime.date
    owner_id: int | None
    owner_seat_id: int | None
    archived_at: datetime.datetime | None

    @staticmethod
    def resolve_due_time(obj: Any) -> str:
        value = obj["due_time"] if isinstance(obj, dict) else obj.due_time
        return value if isinstance(value, str) else value.strftime("%H:%M")


class FormDetailOut(FormOut):
    questions: list[QuestionOut]
    audience: AudienceOut
    can_manage: bool


class FormCreateIn(InputSchema):
    template: str = Field("", description='"daily", "weekly" or "" for a blank form.')
    language: str = Field("", description='"en", "zh-hans" or "zh-hant"; default yours.')
    title: str = Field("", max_length=200)


class FormPatchIn(InputSchema):
    title: str | None = Field(None, max_length=200)
    intro: str | None = Field(None, max_length=2000)
    frequency: Frequency | None = None
    weekdays: list[str] | None = Field(None, max_length=7, description='"MO".."SU"')
    month_day: int | None = Field(None, description="Monthly: 1..28, or -1 for the last day.")
    due_time: str | None = Field(None, pattern=HH_MM, description="HH:MM, each writer's zone.")
    late_window_hours: int | None = Field(None, ge=1, le=336)
    edit_window_hours: int | None = Field(None, ge=0, le=336)
    starts_on: datetime.date | None = None
    owner_id: Id | None = Field(None, description="A member; null for no owner.")
    owner_seat_id: Id | None = Field(None, description="A seat; null for no owner seat.")
    archived: bool | None = Field(None, description="true archives the form, false restores.")


class QuestionIn(InputSchema):
    kind: QuestionKind
    prompt: str = Field(..., max_length=400)
    help: str = Field("", max_length=400)
    required: bool = True
    visibility: AnswerVisibility = AnswerVisibility.MANAGERS
    measure: Measure = Measure.NONE
    prefill: Prefill = Prefill.NONE
    choices: list[str] = Field(default_factory=list, max_length=50)


class QuestionPatchIn(InputSchema):
    kind: QuestionKind | None = None
    prompt: str | None = Field(None, max_length=400)
    help: str | None = Field(None, max_length=400)
    required: bool | None = None
    visibility: AnswerVisibility | None = None
    measure: Measure | None = None
    prefill: Prefill | None = None
    choices: list[str] | None = Field(None, max_length=50)
    move: str | None = Field(None, description='"up" or "down": one place.')


class AudienceIn(InputSchema):
    member_ids: list[Id] = Field(default_factory=list, max_length=500)
    group_ids: list[Id] = Field(default_factory=list, max_length=200)
    seat_ids: list[Id] = Field(default_factory=list, max_length=500)


# --- Helpers ---------------------------------------------------------------------------------


def _question(q: Question) -> dict[str, Any]:
    return {
        "id": q.pk,
        "position": q.position,
        "kind": q.kind,
        "prompt": q.prompt,
        "help": q.help,
        "required": q.required,
        "visibility": q.visibility,
        "measure": q.measure,
        "prefill": q.prefill,
        "choices": list(q.choices or []),
    }


def _detail(actor: Membership, form: ReportForm) -> dict[str, Any]:
    form = selectors.form_with_questions(form)
    rows = list(form.audience.all())
    data = {name: getattr(form, name) for name in FormOut.model_fields if hasattr(form, name)}
    data["questions"] = [_question(q) for q in form.live_questions]  # type: ignore[attr-defined]
    data["audience"] = {
        "member_ids": [a.membership_id for a in rows if a.membership_id],
        "group_ids": [a.group_id for a in rows if a.group_id],
        "seat_ids": [a.seat_id for a in rows if a.seat_id],
        "writer_ids": [m.pk for m in selectors.writers_of(form)],
    }
    data["can_manage"] = selectors.can_manage_form(actor, form)
    return data


def _builder(request: HttpRequest, slug: str, form_id: int) -> tuple[Membership, ReportForm]:
    actor = workspace_membership(request, slug)
    form = selectors.get_form_for(actor, form_id)
    if not selectors.can_manage_form(actor, form):
        raise PermissionDenied
    return actor, form


def _in_workspace(model: Any, actor: Membership, ids: list[int], field: str) -> list[Any]:
    wanted = set(ids)
    qs = model.objects.filter(workspace_id=actor.workspace_id, pk__in=wanted)
    found = list(qs.select_related("user") if model is Membership else qs)
    if len(found) != len(wanted):
        unknown = sorted(wanted - {o.pk for o in found})
        raise ValidationError({field: _("Not of this workspace: %(ids)s")
                               % {"ids": ", ".join(map(str, unknown))}})  # fmt: skip
    return found


def _api_errors(error: ValidationError) -> ValidationError:
    if not hasattr(error, "error_dict"):
        return error
    rename = {"owner": "owner_id", "owner_seat": "owner_seat_id", "members": "member_ids",
              "groups": "group_ids", "seats": "seat_ids"}  # fmt: skip
    return ValidationError({rename.get(k, k): v for k, v in error.error_dict.items()})


# --- Forms -----------------------------------------------------------------------------------


@router.get(WS, response={200: page_schema(FormOut), **ERROR_RESPONSES})
def form_list(request: HttpRequest, slug: str, params: Query[PageParams]) -> Page[ReportForm]:
    """The forms you build or write (managers: every form), archived ones included."""
    actor = workspace_membership(request, slug)
    require(actor, "feedback.view")
    page = selectors.forms_page(workspace=actor.workspace, viewer=actor)
    ids = [row.form.pk for row in page.rows + page.archived]
    return paginate(ReportForm.objects.in_workspace(actor.workspace).filter(pk__in=ids),
                    params, order_by="id")  # fmt: skip


@router.post(WS, response={201: FormDetailOut, **ERROR_RESPONSES})
def form_create(request: HttpRequest, slug: str, payload: FormCreateIn) -> Status[Any]:
    """A new form from the built-in daily or weekly report, or blank (then give a title)."""
    actor = workspace_membership(request, slug)
    form = services.form_create(actor=actor, template=payload.template,
                                language=payload.language, title=payload.title,
                                context=AuditContext.from_request(request))  # fmt: skip
    return Status(201, _detail(actor, form))


@router.get(f"{WS}/{{form_id}}", response={200: FormDetailOut, **ERROR_RESPONSES})
def form_detail(request: HttpRequest, slug: str, form_id: int) -> dict[str, Any]:
    """The form with its questions and who writes it (its writers may read it too)."""
    actor = workspace_membership(request, slug)
    return _detail(actor, selectors.get_form_for(actor, form_id))


@router.patch(f"{WS}/{{form_id}}", response={200: FormDetailOut, **ERROR_RESPONSES})
def form_update(
    request: HttpRequest, slug: str, form_id: int, payload: FormPatchIn
) -> dict[str, Any]:
    """Change the fields sent; `owner_id`/`owner_seat_id: null` clears the owner."""
    actor, form = _builder(request, slug, form_id)
    sent = payload.model_fields_set
    changes = services.FormChanges()
    plain = ("title", "intro", "weekdays", "month_day", "late_window_hours",
             "edit_window_hours", "starts_on")  # fmt: skip
    for name in plain:
        if name in sent:
            setattr(changes, name, getattr(payload, name))
    if "due_time" in sent:  # null reaches the service, which refuses it with a message
        raw = payload.due_time
        changes.due_time = datetime.time.fromisoformat(raw) if raw else None  # type: ignore[assignment]
    if "frequency" in sent:
        changes.frequency = payload.frequency.value if payload.frequency else ""
    if "owner_id" in sent:
        changes.owner = (_in_workspace(Membership, actor, [payload.owner_id], "owner_id")[0]
                         if payload.owner_id else None)  # fmt: skip
    if "owner_seat_id" in sent:
        changes.owner_seat = (
            _in_workspace(Seat, actor, [payload.owner_seat_id], "owner_seat_id")[0]
            if payload.owner_seat_id else None
        )  # fmt: skip
    context = AuditContext.from_request(request)
    try:
        services.form_update(actor=actor, form=form, changes=changes, context=context)
    except ValidationError as error:
        raise _api_errors(error) from error
    if payload.archived is True:
        services.form_archive(actor=actor, form=form, context=context)
    elif payload.archived is False:
        services.form_restore(actor=actor, form=form, context=context)
    return _detail(actor, form)


@router.put(f"{WS}/{{form_id}}/audience", response={200: AudienceOut, **ERROR_RESPONSES})
def audience_put(
    request: HttpRequest, slug: str, form_id: int, payload: AudienceIn
) -> dict[str, Any]:
    """Replace who writes the form: members, groups (their members) and seats (the holder)."""
    actor, form = _builder(request, slug, form_id)
    members = _in_workspace(Membership, actor, payload.member_ids, "member_ids")
    groups = _in_workspace(Group, actor, payload.group_ids, "group_ids")
    seats = _in_workspace(Seat, actor, payload.seat_ids, "seat_ids")
    try:
        services.audience_set(actor=actor, form=form, members=members, groups=groups,
                              seats=seats, context=AuditContext.from_request(request))  # fmt: skip
    except ValidationError as error:
        raise _api_errors(error) from error
    return dict(_detail(actor, form)["audience"])


# --- Questions -------------------------------------------------------------------------------


@router.post(f"{WS}/{{form_id}}/questions", response={201: QuestionOut, **ERROR_RESPONSES})
def question_create(
    request: HttpRequest, slug: str, form_id: int, payload: QuestionIn
) -> Status[Any]:
    """Add a question at the end of the form."""
    actor, form = _builder(request, slug, form_id)
    data = payload.model_dump()
    for name in ("kind", "visibility", "measure", "prefill"):
        data[name] = str(getattr(payload, name).value)
    question = services.question_add(
        actor=actor, form=form, context=AuditContext.from_request(request), **data
    )
    return Status(201, _question(question))


@router.patch(
    f"{WS}/{{form_id}}/questions/{{question_id}}", response={200: QuestionOut, **ERROR_RESPONSES}
)
def question_patch(
    request: HttpRequest, slug: str, form_id: int, question_id: int, payload: QuestionPatchIn
) -> dict[str, Any]:
    """Change the fields sent; `move: "up"|"down"` moves it one place."""
    actor, form = _builder(request, slug, form_id)
    question = selectors.get_question_for(actor, form, question_id)
    context = AuditContext.from_request(request)
    changes = services.QuestionChanges()
    for name in payload.model_fields_set - {"move"}:
        value = getattr(payload, name)
        if value is None:
            raise ValidationError({name: _("This field cannot be null.")})
        setattr(changes, name, getattr(value, "value", value))
    services.question_update(actor=actor, question=question, changes=changes, context=context)
    if payload.move is not None:
        services.question_move(actor=actor, question=question, direction=payload.move,
                               context=context)  # fmt: skip
    question.refresh_from_db()
    return _question(question)


@router.delete(
    f"{WS}/{{form_id}}/questions/{{question_id}}", response={204: None, **ERROR_RESPONSES}
)
def question_delete(
    request: HttpRequest, slug: str, form_id: int, question_id: int
) -> Status[None]:
    """Remove the question: deleted if nobody answered it, else archived (answers stay)."""
    actor, form = _builder(request, slug, form_id)
    question = selectors.get_question_for(actor, form, question_id)
    services.question_remove(actor=actor, question=question,
                             context=AuditContext.from_request(request))  # fmt: skip
    return Status(204, None)
