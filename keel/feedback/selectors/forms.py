"""Reads for report forms: who writes which form, the forms list, one form for an actor.

Who writes a form is its audience, resolved now: members named directly, the members of a
group (accounts `GroupMembership`) and the holder of each *held* seat. An empty seat's report
is not handed up the chart (docs/feedback.md): a report is about the writer's own day.
Offboarded members write nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from keel.accounts.models import GroupMembership
from keel.core.models import Membership, Workspace
from keel.core.permissions import has_perm
from keel.feedback.models import Audience, Question, ReportForm
from keel.org.resolution import seat_assignee

MANAGE_PERM = "feedback.forms_manage"
MAX_ID = 2**63 - 1


def writers_by_form(forms: Iterable[ReportForm]) -> dict[int, list[Membership]]:
    """`{form.id: [Membership, …]}`: the active members who write each form now.

    Three queries whatever the number of forms: the audience rows (with each seat's holder),
    the groups' members, and the members themselves (user loaded). Sorted by name.
    """
    form_ids = [f.pk for f in forms]
    if not form_ids:
        return {}
    rows = list(
        Audience.objects.filter(form_id__in=form_ids).values_list(
            "form_id", "membership_id", "group_id", "seat__holder_id"
        )
    )
    group_ids = {group for _, _, group, _ in rows if group is not None}
    group_members: dict[int, set[int]] = {}
    if group_ids:
        for group_id, member_id in GroupMembership.objects.filter(
            group_id__in=group_ids
        ).values_list("group_id", "membership_id"):
            group_members.setdefault(group_id, set()).add(member_id)
    wanted: dict[int, set[int]] = {pk: set() for pk in form_ids}
    for form_id, member_id, group_id, holder_id in rows:
        if member_id is not None:
            wanted[form_id].add(member_id)
        elif group_id is not None:
            wanted[form_id] |= group_members.get(group_id, set())
        elif holder_id is not None:
            wanted[form_id].add(holder_id)
    all_ids = set().union(*wanted.values())
    members: dict[int, Membership] = {}
    if all_ids:
        members = {
            m.pk: m
            for m in Membership.objects.filter(pk__in=all_ids, offboarded_at__isnull=True)
            .select_related("user", "workspace")
        }  # fmt: skip
    result: dict[int, list[Membership]] = {}
    for form_id, ids in wanted.items():
        found = [members[i] for i in ids if i in members]
        found.sort(key=lambda m: (m.user.display_name.lower(), m.pk))
        result[form_id] = found
    return result


def writers_of(form: ReportForm) -> list[Membership]:
    return writers_by_form([form])[form.pk]


def _writes_filter(membership: Membership) -> Q:
    return (
        Q(audience__membership=membership)
        | Q(audience__group__memberships__membership=membership)
        | Q(audience__seat__holder=membership)
    )


def forms_for_writer(membership: Membership) -> list[ReportForm]:
    """The active (not archived) forms `membership` writes now, in one query."""
    if not membership.is_active:
        return []
    ids = (
        ReportForm.objects.filter(workspace_id=membership.workspace_id, archived_at__isnull=True)
        .filter(_writes_filter(membership))
        .values("pk")
    )
    return list(ReportForm.objects.filter(pk__in=ids).select_related("workspace"))


def writes_form(membership: Membership, form: ReportForm) -> bool:
    if not membership.is_active or membership.workspace_id != form.workspace_id:
        return False
    return ReportForm.objects.filter(pk=form.pk).filter(_writes_filter(membership)).exists()


def can_manage_form(actor: Membership, form: ReportForm) -> bool:
    """Builders: "feedback.forms_manage", the form's owner, or whoever does its owner seat."""
    if not actor.is_active or actor.workspace_id != form.workspace_id:
        return False
    if has_perm(actor, MANAGE_PERM):
        return True
    if form.owner_id is not None:
        return form.owner_id == actor.pk
    if form.owner_seat_id is not None and form.owner_seat is not None:
        return seat_assignee(form.owner_seat).pk == actor.pk
    return False


def can_view_form(actor: Membership, form: ReportForm) -> bool:
    return can_manage_form(actor, form) or writes_form(actor, form)


def _forms_qs(workspace_id: int) -> QuerySet[ReportForm]:
    return ReportForm.objects.filter(workspace_id=workspace_id).select_related(
        "workspace", "owner__user", "owner_seat__holder__user"
    )


def _pk(value: int | str) -> int:
    """A row id from a URL, or 404 (not a number, or beyond what a row key holds)."""
    try:
        pk = int(value)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 1 <= pk <= MAX_ID:
        raise Http404
    return pk


def get_form_for(actor: Membership, form_id: int | str) -> ReportForm:
    """The form, if `actor` may see it (builds it or writes it); 404 otherwise."""
    pk = _pk(form_id)
    form = _forms_qs(actor.workspace_id).filter(pk=pk).first()
    if form is None or not can_view_form(actor, form):
        raise Http404
    return form


def get_question_for(actor: Membership, form: ReportForm, question_id: int | str) -> Question:
    pk = _pk(question_id)
    question = Question.objects.filter(
        workspace_id=actor.workspace_id, form=form, pk=pk, archived_at__isnull=True
    ).first()
    if question is None:
        raise Http404
    question.form = form
    return question


def live_questions(form: ReportForm) -> list[Question]:
    return list(form.questions.filter(archived_at__isnull=True).order_by("position", "id"))


@dataclass
class FormRow:
    form: ReportForm
    writers: list[Membership]
    question_count: int
    can_manage: bool
    schedule: str = ""  # set by the view, in the reader's language


@dataclass
class FormsPage:
    rows: list[FormRow] = field(default_factory=list)
    archived: list[FormRow] = field(default_factory=list)
    can_create: bool = False


def forms_page(*, workspace: Workspace, viewer: Membership) -> FormsPage:
    """The forms list: builders see every form; others the forms they own or write."""
    qs = (
        _forms_qs(workspace.pk)
        .annotate(question_count=Count("questions", filter=Q(questions__archived_at__isnull=True)))
        .order_by("title", "id")
    )
    forms = list(qs)
    writers = writers_by_form(forms)
    manager = has_perm(viewer, MANAGE_PERM)
    page = FormsPage(can_create=manager)
    seat_doers: dict[int, int] = {}
    if not manager:
        from keel.org.resolution import seat_assignees

        owner_seats = [f.owner_seat for f in forms if f.owner_seat is not None]
        seat_doers = {k: m.pk for k, m in seat_assignees(owner_seats).items()}
    for form in forms:
        if manager:
            can_manage = True
        elif form.owner_id is not None:
            can_manage = form.owner_id == viewer.pk
        else:
            can_manage = seat_doers.get(form.owner_seat_id or 0) == viewer.pk
        form_writers = writers.get(form.pk, [])
        if not can_manage and viewer.pk not in {m.pk for m in form_writers}:
            continue
        row = FormRow(form, form_writers, getattr(form, "question_count", 0), can_manage)
        (page.archived if form.archived_at else page.rows).append(row)
    return page


def form_with_questions(form: ReportForm) -> ReportForm:
    """Reload `form` with its audience prefetched and its live questions as `live_questions`
    (for the builder and the API): three queries."""
    loaded = (
        _forms_qs(form.workspace_id)
        .prefetch_related(
            Prefetch(
                "audience",
                queryset=Audience.objects.select_related("membership__user", "group", "seat"),
            )
        )
        .get(pk=form.pk)
    )
    setattr(loaded, "live_questions", live_questions(loaded))  # noqa: B010 - not a field
    return loaded
