# mypy: disable-error-code="attr-defined,union-attr,arg-type,misc"
"""The wiki's core rules: who may read/edit/manage (spaces, restricted pages, seats, groups,
departments), every save a revision, no lost update (merge or conflict), the tree never
loops, archive and restore, revision restore, review tasks for the owner seat, and
offboarding hands over the pages a person owns."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from keel.accounts import services as account_services
from keel.accounts.models import Group, GroupMembership
from keel.org.models import Department, Seat
from keel.tasks.models import Status, Task
from keel.wiki import access, services
from keel.wiki.models import Level, Page, PageLink, Revision, SpaceKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def space(owner):
    return services.space_create(actor=owner, name="Operations", slug="ops")


def _page(actor, space, title="Returns", body="Line 1\nLine 2\nLine 3\n", **kw):
    return services.page_create(actor=actor, space=space, title=title, body=body, **kw)


def _level(membership, obj):
    reader = access.reader_for(membership)
    if isinstance(obj, Page):
        return access.page_level(reader, obj)
    return access.space_level(reader, obj)


# --- Access -----------------------------------------------------------------------------------


def test_company_space_staff_edit_assistants_nothing(space, owner, member, assistant, admin):
    assert _level(owner, space) == "manage"  # creator's grant (and owners manage anyway)
    assert _level(admin, space) == "manage"
    assert _level(member, space) == "edit"
    assert _level(assistant, space) == "none"


def test_grants_to_group_seat_and_department_open_a_space(owner, member, assistant, workspace):
    space = services.space_create(actor=owner, name="Buying", slug="buying",
                                  kind=SpaceKind.PRIVATE,
                                  group=Group.objects.create(workspace=workspace, name="Buyers",
                                                             alias="buyers"))  # fmt: skip
    assert _level(member, space) == "none"  # private: staff get nothing by default
    group = space.grants.get(group__isnull=False).group
    GroupMembership.objects.create(workspace=workspace, group=group, membership=member)
    assert _level(type(member).objects.get(pk=member.pk), space) == "edit"
    seat = Seat.objects.create(workspace=workspace, title="VA", holder=assistant, status="filled")
    services.grant_set(actor=owner, space=space, level=Level.READ, seat=seat)
    assert _level(assistant, space) == "read"
    dept = Department.objects.create(workspace=workspace, name="Logistics")
    seat.department = dept
    seat.save()
    services.grant_set(actor=owner, space=space, level=Level.EDIT, department=dept)
    fresh = type(assistant).objects.get(pk=assistant.pk)
    assert _level(fresh, space) == "edit"  # highest grant wins (department)


def test_restricted_page_narrows_its_subtree(space, owner, member, manager):
    parent = _page(owner, space, title="Salaries")
    child = _page(owner, space, title="2026 bands", parent=parent)
    services.page_set_restricted(actor=owner, page=parent, restricted=True)
    parent.refresh_from_db()
    child.refresh_from_db()
    assert _level(member, parent) == "none" and _level(member, child) == "none"
    services.grant_set(actor=owner, space=space, page=parent, level=Level.EDIT, membership=member)
    fresh = type(member).objects.get(pk=member.pk)
    assert _level(fresh, child) == "edit"
    assert access.page_scope(child, access.page_tree(access.reader_for(fresh), space.pk)) == (
        f"page:{parent.pk}"
    )
    assert f"page:{parent.pk}" in access.visible_scopes(fresh)
    assert f"page:{parent.pk}" not in access.visible_scopes(manager)


def test_search_scopes_follow_every_access_change_while_cached(space, owner, member, workspace):
    """visible_scopes caches the restrictions; each change below must show at once."""

    def scopes():  # a fresh membership object, as each request has
        return access.visible_scopes(type(member).objects.get(pk=member.pk))

    salaries = _page(owner, space, title="Salaries")
    bands = _page(owner, space, title="2026 bands")
    assert scopes() == {f"space:{space.pk}"}
    services.page_set_restricted(actor=owner, page=salaries, restricted=True)
    services.page_set_restricted(actor=owner, page=bands, restricted=True)
    assert f"page:{salaries.pk}" not in scopes() and f"page:{bands.pk}" not in scopes()
    grant = services.grant_set(actor=owner, space=space, page=bands, level=Level.READ,
                               membership=member)  # fmt: skip
    assert f"page:{bands.pk}" in scopes()
    services.page_move(actor=owner, page=bands, parent=salaries)  # now also under Salaries
    assert f"page:{bands.pk}" not in scopes()
    group = Group.objects.create(workspace=workspace, name="Payroll", alias="payroll")
    services.grant_set(actor=owner, space=space, page=salaries, level=Level.READ, group=group)
    assert f"page:{salaries.pk}" not in scopes()
    GroupMembership.objects.create(workspace=workspace, group=group, membership=member)
    assert {f"page:{salaries.pk}", f"page:{bands.pk}"} <= scopes()  # joining changes the key
    services.grant_revoke(actor=owner, grant=grant)
    assert f"page:{bands.pk}" not in scopes() and f"page:{salaries.pk}" in scopes()
    services.page_set_restricted(actor=owner, page=salaries, restricted=False)
    assert f"page:{salaries.pk}" not in scopes() and f"page:{bands.pk}" not in scopes()


def test_member_cannot_manage_access(space, owner, member):
    page = _page(owner, space)
    with pytest.raises(PermissionDenied):
        services.page_set_restricted(actor=member, page=page, restricted=True)
    with pytest.raises(PermissionDenied):
        services.grant_set(actor=member, space=space, level=Level.READ, membership=member)


# --- Pages and revisions ----------------------------------------------------------------------


def test_every_save_is_a_revision_and_links_are_kept(space, owner, member):
    target = _page(owner, space, title="Carriers")
    page = _page(owner, space, body="See [[Carriers]] and [[Customs]].")
    assert set(PageLink.objects.filter(source=page).values_list("target_title", "target")) == {
        ("Carriers", target.pk), ("Customs", None),
    }  # fmt: skip
    saved = services.page_update(actor=member, page=page, base_version=1, body="Only [[Customs]]",
                                 summary="Trim")  # fmt: skip
    assert saved.page.version == 2 and not saved.merged
    assert list(page.revisions.values_list("number", "author", "summary")) == [
        (2, member.pk, "Trim"), (1, owner.pk, ""),
    ]  # fmt: skip
    customs = _page(owner, space, title="Customs")
    assert PageLink.objects.get(source=page).target == customs  # waiting link found its page


def test_non_overlapping_edits_merge_overlapping_conflict(space, owner, member):
    page = _page(owner, space)
    services.page_update(
        actor=owner, page=page, base_version=1, body="Line 1 (owner)\nLine 2\nLine 3\n"
    )
    merged = services.page_update(actor=member, page=page, base_version=1,
                                  body="Line 1\nLine 2\nLine 3\nLine 4 (member)\n")  # fmt: skip
    assert merged.merged
    assert merged.page.body == "Line 1 (owner)\nLine 2\nLine 3\nLine 4 (member)\n"
    with pytest.raises(services.PageConflict) as conflict:
        services.page_update(actor=member, page=page, base_version=1,
                             body="Line 1 (member)\nLine 2\nLine 3\n")  # fmt: skip
    assert "Line 1 (member)" in conflict.value.merged and "Line 1 (owner)" in conflict.value.merged
    assert Revision.objects.filter(page=page).count() == 3  # the conflict saved nothing


def test_a_page_never_moves_under_itself(space, owner):
    top = _page(owner, space, title="Top")
    mid = _page(owner, space, title="Mid", parent=top)
    low = _page(owner, space, title="Low", parent=mid)
    for new_parent in (top, low):
        with pytest.raises(ValidationError, match="under itself"):
            services.page_move(actor=owner, page=top, parent=new_parent)
    services.page_move(actor=owner, page=low, parent=None, position=0)
    low.refresh_from_db()
    assert low.parent is None and low.position == 0


def test_archive_restore_and_revision_restore(space, owner):
    page = _page(owner, space, body="v1")
    child = _page(owner, space, title="Child", parent=page)
    services.page_update(actor=owner, page=page, base_version=1, body="v2")
    assert services.page_archive(actor=owner, page=page) == 2
    child.refresh_from_db()
    assert child.archived_at is not None
    with pytest.raises(ValidationError):
        services.page_update(actor=owner, page=page, base_version=2, body="v3")
    services.page_unarchive(actor=owner, page=page)
    page.refresh_from_db()
    saved = services.revision_restore(actor=owner, page=page, number=1)
    assert saved.page.body == "v1" and saved.page.version == 3  # history kept


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("title", "  ", "title"), ("title", "x" * 201, "200"), ("body", "x" * 500_001, "long"),
     ("review_every_days", 0 - 5, "between")],
)  # fmt: skip
def test_bad_input_is_refused_with_a_message(space, owner, field, value, message):
    kwargs = {"title": "Ok", "body": "", field: value}
    with pytest.raises(ValidationError, match=message):
        services.page_create(actor=owner, space=space, **kwargs)
    assert not Page.objects.exists()


# --- Reviews -------------------------------------------------------------------------------


def test_a_due_page_becomes_a_task_for_the_owner_seat(space, owner, member, workspace):
    seat = Seat.objects.create(workspace=workspace, title="Ops lead", holder=member,
                               status="filled")  # fmt: skip
    page = _page(owner, space, owner_seat=seat, review_every_days=30)
    Page.objects.filter(pk=page.pk).update(review_due=timezone.localdate() - timedelta(days=1))
    assert services.create_due_review_tasks() == 1
    assert services.create_due_review_tasks() == 0  # once
    page.refresh_from_db()
    task = page.review_task
    assert task.assignee_seat == seat and task.status != Status.DONE
    assert "Returns" in task.title and task.project.key == "WIKI"
    services.page_mark_reviewed(actor=member, page=page)
    task.refresh_from_db()
    page.refresh_from_db()
    assert task.status == Status.DONE
    assert page.review_due == timezone.localdate() + timedelta(days=30)


def test_completing_the_review_task_marks_the_page_reviewed(space, owner):
    from keel.tasks.services import task_set_status

    page = _page(owner, space, review_every_days=7)
    Page.objects.filter(pk=page.pk).update(review_due=timezone.localdate())
    services.create_due_review_tasks()
    page.refresh_from_db()
    task_set_status(actor=owner, task=Task.objects.get(pk=page.review_task_id), status="done")
    page.refresh_from_db()
    assert page.review_due == timezone.localdate() + timedelta(days=7)
    assert page.reviewed_at is not None


def test_offboarding_hands_a_persons_pages_to_the_seat_above(space, owner, manager, member,
                                                             workspace):  # fmt: skip
    lead = Seat.objects.create(workspace=workspace, title="Lead", holder=manager, status="filled")
    Seat.objects.create(workspace=workspace, title="Clerk", holder=member, reports_to=lead,
                        status="filled")  # fmt: skip
    page = _page(member, space, title="Packing guide")
    assert page.owner == member
    account_services.membership_offboard(actor=owner, membership=member)
    page.refresh_from_db()
    assert page.owner == manager


# --- Starting content -------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "history"), [("zh-hans", "公司"), ("en", "Company history")])
def test_a_new_workspace_starts_with_pages_in_its_language(
    django_capture_on_commit_callbacks, language, history
):
    from keel.accounts.services import workspace_create
    from keel.accounts.tests.factories import UserFactory
    from keel.wiki.models import TemplateVariant

    with django_capture_on_commit_callbacks(execute=True):
        owner = workspace_create(user=UserFactory(), name="Tea Shop", slug="tea",
                                 email_domain="tea.example", language=language)  # fmt: skip
    pages = Page.objects.in_workspace(owner.workspace)
    assert pages.count() >= 6
    assert any(history in title for title in pages.values_list("title", flat=True))
    templates = pages.filter(kind="template")
    assert templates.count() == 3
    for template in templates:
        languages = set(
            TemplateVariant.objects.filter(page=template).values_list("language", flat=True)
        )
        assert "en" in languages and (language == "en" or language in languages)


def test_a_mention_notifies_once_and_only_people_who_may_read(space, owner, member, assistant):
    from keel.notifications.models import Notification

    page = _page(owner, space, body="Ask @[Mike] and @[Ana Assistant].")
    assert list(Notification.objects.values_list("recipient", "kind")) == [
        (member.pk, "wiki.mentioned")
    ]  # the assistant may not read the space: not told
    services.page_update(actor=owner, page=page, base_version=1,
                         body="Ask @[Mike] again, and @[Ana Assistant].")  # fmt: skip
    assert Notification.objects.count() == 1  # not told twice


def test_mark_as_reviewed_from_the_page_closes_the_task(login, space, owner, member, workspace):
    seat = Seat.objects.create(workspace=workspace, title="Editor", holder=member, status="filled")
    page = _page(owner, space, owner_seat=seat, review_every_days=90)
    Page.objects.filter(pk=page.pk).update(review_due=timezone.localdate())
    services.create_due_review_tasks()
    client = login(member)
    html = client.get(f"/acme/wiki/p/{page.pk}/").content.decode()
    assert "Mark as reviewed" in html
    assert client.post(f"/acme/wiki/p/{page.pk}/reviewed/").status_code == 302
    page.refresh_from_db()
    assert page.review_task.status == Status.DONE
    assert page.review_due == timezone.localdate() + timedelta(days=90)
    assert "Mark as reviewed" not in client.get(f"/acme/wiki/p/{page.pk}/").content.decode()
