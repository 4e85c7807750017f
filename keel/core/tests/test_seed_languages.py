"""`keel seed demo --language zh-hans|zh-hant`: the same living shop in Chinese, in its own
workspace beside the English one, idempotent like it."""

from __future__ import annotations

import io
import re

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

from keel.accounts.models import Group, GroupMembership, Invitation, User
from keel.core.models import AuditEvent, Membership, Role, Workspace
from keel.goals.models import CoreValue, Goal, Milestone, Vision
from keel.kpis.models import Kpi, KpiMonth
from keel.org.models import Department, Seat
from keel.tasks.models import Comment, Label, Project, Section, Task, TaskDependency

pytestmark = pytest.mark.django_db

HAN = re.compile(r"[\u4e00-\u9fff]")
MODELS = [Workspace, User, Membership, Group, GroupMembership, Invitation, AuditEvent,
          Department, Seat, Vision, CoreValue, Goal, Milestone, Project, Section, Task,
          TaskDependency, Comment, Label]  # fmt: skip


def _seed(*args: str) -> str:
    out = io.StringIO()
    call_command("seed", "demo", *args, stdout=out)
    return out.getvalue()


def _counts() -> dict[str, int]:
    return {model.__name__: model._default_manager.count() for model in MODELS}


def _chinese(text: str) -> bool:
    return bool(HAN.search(text))


@pytest.mark.parametrize(
    ("language", "slug", "name", "tz", "currency", "owner_email"),
    [
        ("zh-hans", "demo-zh", "演示商店", "Asia/Shanghai", "CNY", "owner@demo-zh.example"),
        ("zh-hant", "demo-zht", "示範商店", "Asia/Taipei", "TWD", "owner@demo-zht.example"),
    ],
)
def test_chinese_demo_is_the_living_shop_in_its_language(
    monkeypatch, language, slug, name, tz, currency, owner_email
):
    monkeypatch.setenv("KEEL_DEMO_PASSWORD", "demo shop password")
    output = _seed("--language", language)

    ws = Workspace.objects.get(slug=slug)
    assert (ws.name, ws.language, ws.timezone) == (name, language, tz)
    assert f"{name} (/{slug}/)" in output and owner_email in output
    assert authenticate(email=owner_email, password="demo shop password") is not None

    members = Membership.objects.filter(workspace=ws).select_related("user")
    assert sorted(m.role for m in members) == sorted(
        [Role.OWNER, Role.MANAGER, Role.MEMBER, Role.MEMBER, Role.ASSISTANT]
    )
    for m in members:
        if m.role == Role.ASSISTANT:  # the overseas assistant keeps English
            assert m.is_external and m.user.language == "en"
        else:
            assert m.user.language == language and _chinese(m.user.full_name + m.title)
    assert all(_chinese(g.name) for g in Group.objects.in_workspace(ws))
    assert len([i for i in Invitation.objects.in_workspace(ws) if i.is_pending]) == 1

    seats = Seat.objects.in_workspace(ws)
    assert seats.count() == 11 and all(_chinese(s.title + s.purpose) for s in seats)
    assert {ws.currency} == {s.cost_currency for s in seats} == {currency}
    assert Department.objects.in_workspace(ws).count() == 7
    assert all(_chinese(d.name) for d in Department.objects.in_workspace(ws))
    assert _chinese(Vision.objects.in_workspace(ws).get().statement)
    goals = Goal.objects.in_workspace(ws)
    assert goals.count() == 3 and all(_chinese(g.title) for g in goals)
    # milestones and seat-assigned tasks found their seats by their Chinese titles
    assert not Milestone.objects.in_workspace(ws).filter(owner_seat__isnull=True).exists()
    # KPIs: twelve, named in the language, each owned by a seat found by its Chinese title,
    # the team ones in their (Chinese-named) departments, with two years of months
    kpis = Kpi.objects.in_workspace(ws)
    assert kpis.count() == 14 and all(_chinese(k.name + k.description) for k in kpis)
    assert not kpis.filter(owner_seat__isnull=True).exists()
    assert kpis.filter(department__isnull=False).count() == 10
    assert KpiMonth.objects.in_workspace(ws).filter(comment__gt="").count() >= 5
    assert all(_chinese(c) for c in KpiMonth.objects.in_workspace(ws).exclude(comment="")
               .values_list("comment", flat=True))  # fmt: skip
    projects = Project.objects.in_workspace(ws)
    # The demo's four projects, and the wiki's review project (two pages are due for review).
    # … and the meetings' project, where action items and the 1:1 check-in live.
    assert set(projects.values_list("key", flat=True)) == {
        "AMZ", "MKT", "DEV", "PUR", "WIKI", "MEET",
    }  # fmt: skip
    assert all(_chinese(p.name) for p in projects)
    assert all(_chinese(t.title) for t in Task.objects.in_workspace(ws))
    tasks = Task.objects.in_workspace(ws).exclude(project__key__in=["WIKI", "MEET"])
    assert tasks.count() == 41  # 36 tasks and 5 subtasks, as in the English demo
    assert tasks.filter(assignee_seat__isnull=False).count() == 12
    assert TaskDependency.objects.in_workspace(ws).count() == 1
    assert Comment.objects.in_workspace(ws).count() == 4


def test_seeding_zh_hans_twice_gives_the_same_counts_as_once(monkeypatch):
    monkeypatch.delenv("KEEL_DEMO_PASSWORD", raising=False)
    _seed("--language", "zh-hans")
    once = _counts()
    output = _seed("--language", "zh-hans")
    assert "Refreshed 演示商店" in output
    assert _counts() == once


def test_the_demos_live_side_by_side_and_english_stays_the_default(monkeypatch):
    monkeypatch.delenv("KEEL_DEMO_LANGUAGE", raising=False)
    _seed()
    english = Workspace.objects.get(slug="demo")
    english_counts = (
        Seat.objects.in_workspace(english).count(), Task.objects.in_workspace(english).count()
    )  # fmt: skip
    _seed("--language", "zh-hans")
    _seed("--language", "zh-hant")
    _seed()
    assert set(Workspace.objects.values_list("slug", flat=True)) == {"demo", "demo-zh", "demo-zht"}
    english.refresh_from_db()
    assert (english.name, english.language) == ("Demo Shop", "en")
    assert english_counts == (
        Seat.objects.in_workspace(english).count(), Task.objects.in_workspace(english).count()
    )  # fmt: skip
    assert not any(_chinese(t.title) for t in Task.objects.in_workspace(english))


def test_keel_demo_language_picks_the_default_and_bad_values_are_refused(monkeypatch):
    monkeypatch.setenv("KEEL_DEMO_LANGUAGE", "zh-hant")
    assert "示範商店" in _seed()
    monkeypatch.setenv("KEEL_DEMO_LANGUAGE", "fr")
    with pytest.raises(CommandError):
        _seed()
    with pytest.raises(CommandError):
        call_command("seed", "large", "--members", "2", "--language", "zh-hans")
