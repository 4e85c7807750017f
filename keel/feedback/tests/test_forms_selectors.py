"""writers_by_form / forms_for_writer: members, groups, held seats, offboarded, query counts."""

from __future__ import annotations

from typing import Any

import pytest
from django.http import Http404
from django.utils import timezone

from keel.accounts.models import Group, GroupMembership
from keel.core.tests.factories import MembershipFactory
from keel.feedback import selectors
from keel.feedback.models import Audience
from keel.feedback.tests import factories
from keel.org.models import SeatStatus
from keel.org.tests.factories import SeatFactory

pytestmark = pytest.mark.django_db

# Typed as Any: factory_boy types a call as the factory, not the model instance.
ReportFormFactory: Any = factories.ReportFormFactory


def _group(workspace, name, *members):
    group = Group.objects.create(workspace=workspace, name=name, alias=name.lower())
    for m in members:
        GroupMembership.objects.create(workspace=workspace, group=group, membership=m)
    return group


def test_writers_from_member_group_and_seat(workspace, owner, manager, member, assistant):
    form = ReportFormFactory(workspace=workspace)
    group = _group(workspace, "Sales", member, manager)
    seat = SeatFactory(workspace=workspace, status=SeatStatus.FILLED, holder=assistant)
    Audience.objects.create(workspace=workspace, form=form, membership=member)
    Audience.objects.create(workspace=workspace, form=form, group=group)
    Audience.objects.create(workspace=workspace, form=form, seat=seat)
    writers = selectors.writers_by_form([form])[form.pk]
    assert sorted(m.pk for m in writers) == sorted([member.pk, manager.pk, assistant.pk])
    assert len(writers) == 3  # deduplicated
    assert [f.pk for f in selectors.forms_for_writer(assistant)] == [form.pk]
    assert [f.pk for f in selectors.forms_for_writer(manager)] == [form.pk]
    assert selectors.forms_for_writer(owner) == []


def test_empty_seat_and_offboarded_write_nothing(workspace, owner, manager, member):
    form = ReportFormFactory(workspace=workspace)
    top = SeatFactory(workspace=workspace, status=SeatStatus.FILLED, holder=manager)
    empty = SeatFactory(workspace=workspace, reports_to=top)
    Audience.objects.create(workspace=workspace, form=form, seat=empty)
    Audience.objects.create(workspace=workspace, form=form, membership=member)
    member.offboarded_at = timezone.now()
    member.save()
    assert selectors.writers_by_form([form]) == {form.pk: []}
    assert selectors.forms_for_writer(manager) == []
    assert selectors.forms_for_writer(member) == []


def test_archived_form_not_written(workspace, member):
    form = ReportFormFactory(workspace=workspace, archived_at=timezone.now())
    Audience.objects.create(workspace=workspace, form=form, membership=member)
    assert selectors.forms_for_writer(member) == []


def test_writers_by_form_query_count_constant(
    workspace, manager, member, django_assert_max_num_queries
):
    forms = []
    for i in range(6):
        form = ReportFormFactory(workspace=workspace)
        people = [MembershipFactory(workspace=workspace) for _ in range(2)]
        group = _group(workspace, f"G{i}", *people)
        seat = SeatFactory(
            workspace=workspace,
            status=SeatStatus.FILLED,
            holder=MembershipFactory(workspace=workspace),
        )
        Audience.objects.create(workspace=workspace, form=form, membership=member)
        Audience.objects.create(workspace=workspace, form=form, group=group)
        Audience.objects.create(workspace=workspace, form=form, seat=seat)
        forms.append(form)
    with django_assert_max_num_queries(3):
        result = selectors.writers_by_form(forms)
    assert all(len(v) == 4 for v in result.values())
    with django_assert_max_num_queries(3):
        selectors.writers_by_form(forms[:1])


def test_get_form_for_hides_across_workspaces_and_from_non_writers(
    workspace, manager, member, outsider
):
    form = ReportFormFactory(workspace=workspace)
    assert selectors.get_form_for(manager, form.pk) == form
    with pytest.raises(Http404):
        selectors.get_form_for(member, form.pk)
    with pytest.raises(Http404):
        selectors.get_form_for(outsider, form.pk)
    with pytest.raises(Http404):
        selectors.get_form_for(manager, "nope")
    Audience.objects.create(workspace=workspace, form=form, membership=member)
    assert selectors.get_form_for(member, form.pk) == form


def test_forms_page(workspace, manager, member, django_assert_max_num_queries):
    mine = ReportFormFactory(workspace=workspace, title="Mine")
    ReportFormFactory(workspace=workspace, title="Other")
    Audience.objects.create(workspace=workspace, form=mine, membership=member)
    with django_assert_max_num_queries(6):
        page = selectors.forms_page(workspace=workspace, viewer=manager)
    assert [r.form.title for r in page.rows] == ["Mine", "Other"]
    assert page.can_create
    page = selectors.forms_page(workspace=workspace, viewer=member)
    assert [r.form.title for r in page.rows] == ["Mine"]
    assert not page.rows[0].can_manage and not page.can_create
