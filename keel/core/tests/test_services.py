"""The shared service pieces: AuditContext, same_workspace, audit_event, next_position,
move_one_place."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from keel.core.models import AuditEvent, Membership
from keel.core.services import (
    AuditContext,
    audit_event,
    move_one_place,
    next_position,
    same_workspace,
)

pytestmark = pytest.mark.django_db


def test_audit_context_from_a_request_keeps_address_and_browser():
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.7", HTTP_USER_AGENT="x" * 400)
    context = AuditContext.from_request(request)
    assert context.ip == "198.51.100.7"
    assert context.user_agent == "x" * 300


def test_audit_context_from_no_request_is_none():
    assert AuditContext.from_request(None) is None


def test_same_workspace_refuses_an_object_of_another_workspace(member, outsider):
    same_workspace(member, member, None)  # same workspace, or nothing: fine
    with pytest.raises(PermissionDenied):
        same_workspace(member, member, outsider)


def test_audit_event_records_actor_workspace_target_context_and_any_data_key(member):
    context = AuditContext(ip="203.0.113.9", user_agent="Safari")
    event = audit_event(member, "member.role_changed", member, context, **{"from": "a", "to": "b"})
    event = AuditEvent.objects.get(pk=event.pk)
    assert (event.actor, event.workspace) == (member.user, member.workspace)
    assert event.target_id == str(member.pk)
    assert (event.ip, event.user_agent) == ("203.0.113.9", "Safari")
    assert event.data == {"from": "a", "to": "b"}


def test_audit_event_without_context_has_no_address(member):
    event = audit_event(member, "group.created", None, None)
    assert (event.ip, event.user_agent, event.target_id) == (None, "", "")


def test_next_position_is_zero_when_empty_and_after_the_last_otherwise(owner, member):
    assert next_position(Membership.objects.none(), field="pk") == 0
    rows = Membership.objects.filter(workspace=owner.workspace)
    assert next_position(rows, field="pk") == max(owner.pk, member.pk) + 1


@dataclass
class _Row:
    pk: int
    position: int


def test_move_one_place_swaps_with_the_neighbour_and_renumbers():
    rows = [_Row(1, 0), _Row(2, 5), _Row(3, 9)]  # gaps left by deletions
    moved = _Row(3, 9)  # another instance of row 3, as a view would hold it
    changed = move_one_place(rows, moved, "up")
    assert [(r.pk, r.position) for r in rows] == [(1, 0), (3, 1), (2, 2)]
    assert {r.pk for r in changed} == {2, 3}
    assert moved.position == 1


def test_move_one_place_at_either_end_changes_nothing():
    rows = [_Row(1, 0), _Row(2, 1)]
    assert move_one_place(rows, rows[0], "up") == []
    assert move_one_place(rows, rows[1], "down") == []
    assert [(r.pk, r.position) for r in rows] == [(1, 0), (2, 1)]
