"""Every page of the shell, accounts and members area, the org chart, the vision and the tasks
app, rendered in zh-Hans and zh-Hant, shows no English: the failure lists each untranslated
string per page, for the translator.

User data is Chinese (people, company, groups, departments, seats, goals, projects, tasks,
comments) so that any Latin text left is ours. Currency codes (CNY, …), the Ctrl key's name
and a few product names and identifiers on the tasks pages (TASKS_ALLOWED) are allowed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from keel.core.models import Role
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory
from keel.core.tests.translation_check import untranslated

pytestmark = pytest.mark.django_db

LANGUAGES = ["zh-hans", "zh-hant"]
SLUG = "lianhua"


@dataclass
class Shop:
    owner: Any
    member: Any
    leaver: Any
    group: Any
    invitation_token: str
    seat: Any  # filled, held by the owner
    planned_seat: Any  # planned for next year, with a placeholder and responsibilities
    goal: Any
    project: Any = None  # 商品上架 (key SJ): sections, tasks, a series, an update, a feed
    task: Any = None  # with a subtask, a dependency, labels and a comment


def _shop() -> Shop:
    from keel.accounts import services
    from keel.accounts.models import Group, GroupMembership

    ws: Any = WorkspaceFactory(name="莲花贸易", slug=SLUG, email_domain="lianhua.example")

    def person(role: str, email: str, name: str) -> Any:
        return MembershipFactory(workspace=ws, role=role, user__email=email, user__full_name=name)

    owner = person(Role.OWNER, "wangfang@lianhua.example", "王芳")
    member = person(Role.MEMBER, "lilei@lianhua.example", "李雷")
    person(Role.ASSISTANT, "xiaomei@waibao.example", "小美")
    leaver = person(Role.MEMBER, "zhangwei@lianhua.example", "张伟")
    group = Group.objects.create(workspace=ws, name="销售部", alias="sales")
    GroupMembership.objects.create(workspace=ws, group=group, membership=member)
    GroupMembership.objects.create(workspace=ws, group=group, membership=leaver)
    services.membership_offboard(actor=owner, membership=leaver)
    _invitation, raw = services.invitation_create(
        actor=owner, email="zhaoli@lianhua.example", role=Role.MEMBER
    )
    seat, planned_seat, goal = _org_and_vision(owner, member)
    project, task = _tasks(owner, member, seat)
    return Shop(owner, member, leaver, group, raw, seat, planned_seat, goal, project, task)


def _tasks(owner: Any, member: Any, seat: Any) -> tuple[Any, Any]:
    """A Chinese project (its default sections renamed), tasks in every state, a weekly
    Monday/Wednesday series, a status update, a comment with a mention and a calendar feed."""
    from keel.org.models import workspace_today
    from keel.tasks import services
    from keel.tasks.services import feeds as ical
    from keel.tasks.services import progress
    from keel.tasks.services.recurrence import recurrence_create

    today = workspace_today(owner.workspace)
    day = datetime.timedelta(days=1)
    project = services.project_create(
        actor=owner, name="商品上架", key="SJ", description="亚马逊和天猫的商品页面。",
        members=[member],
    )  # fmt: skip
    names = ["待办", "进行中", "已完成"]
    sections = list(project.sections.order_by("position"))
    for section, name in zip(sections, names, strict=True):
        services.section_update(actor=owner, section=section, name=name)
    todo, doing, done = sections
    task = services.task_create(
        actor=owner, project=project, title="改写竹砧板的卖点", section=doing, assignee=member,
        due=today + 2 * day, priority=3, labels=["文案"], description="每条卖点**不超过**两百字。",
    )  # fmt: skip
    blocker = services.task_create(
        actor=owner, project=project, title="拍摄新产品图", section=todo, assignee_seat=seat,
        due=today - day, labels=["图片"],
    )  # fmt: skip
    services.task_create(actor=owner, project=project, title="核对尺寸", parent=task, section=doing)
    services.task_add_dependency(actor=owner, task=task, blocked_by=blocker)
    finished = services.task_create(
        actor=owner, project=project, title="更新价格", section=done, assignee=owner, due=today
    )
    services.task_set_status(actor=owner, task=finished, status="done")
    services.task_create(
        actor=owner, project=project, title="回复买家提问", section=todo, due=today
    )
    services.comment_create(actor=owner, task=task, body="@[李雷] 请先看看竞争对手的页面。")
    recurrence_create(
        actor=owner, project=project, title="每周商品页检查", preset="weekly",
        weekdays=["MO", "WE"], dtstart_local=today + datetime.timedelta(days=7 - today.weekday()),
        assignee=member, section=todo,
    )  # fmt: skip
    progress.status_update_create(
        actor=owner, project=project, status="at_risk", text="新图片还没到，德语页面下周开始。"
    )
    ical.feed_create(actor=owner, project=project)
    ical.feed_create(actor=owner)
    return project, task


def _org_and_vision(owner: Any, member: Any) -> tuple[Any, Any, Any]:
    """A small Chinese org chart (nested departments; filled, open and planned seats) and a
    vision with a value, a goal and a milestone that needs the planned seat."""
    from keel.goals import services as goals
    from keel.org import services as org
    from keel.org.models import SeatStatus, workspace_today

    management = org.department_create(actor=owner, name="管理", colour=1)
    purchasing = org.department_create(actor=owner, name="采购", colour=4)
    operations = org.department_create(actor=owner, name="运营物流", colour=5)
    org.department_create(actor=owner, name="仓储", parent=operations, colour=5)
    founder = org.seat_create(
        actor=owner, title="创始人", department=management, holder=owner,
        purpose="确定方向，让店铺不依赖创始人也能运转。",
        responsibilities=["愿景与年度计划", "招聘与组织架构"],
        cost_per_month=Decimal("30000"),
    )  # fmt: skip
    org.seat_create(
        actor=owner, title="采购主管", department=purchasing, reports_to=founder, holder=member,
        responsibilities=["供应商跟进"], cost_per_month=Decimal("12000"),
    )  # fmt: skip
    org.seat_create(
        actor=owner, title="市场主管", department=management, reports_to=founder,
        placeholder_name="小周（招聘中）", status=SeatStatus.OPEN,
    )  # fmt: skip
    next_year = workspace_today(owner.workspace).year + 1
    planned = org.seat_create(
        actor=owner, title="运营经理", department=operations, reports_to=founder,
        placeholder_name="阿力（待招聘）", status=SeatStatus.PLANNED,
        planned_for=datetime.date(next_year, 4, 1), purpose="接手采购之外的日常运营。",
        responsibilities=["发货与退货", "仓库与库存"], cost_per_month=Decimal("15000"),
    )  # fmt: skip
    this_year = goals.current_year(owner.workspace)
    goals.vision_update(
        actor=owner, statement="五年内成为三大平台上手工茶具的首选店铺。",
        horizon_year=this_year + 5,
    )  # fmt: skip
    goals.value_create(actor=owner, title="一天内回复每位客户", description="用客户的语言回复。")
    goal = goals.goal_create(
        actor=owner, title="年收入一千万元", target_year=this_year + 4, description="三个平台合计。"
    )
    goals.milestone_create(
        actor=owner, goal=goal, year=this_year + 1, title="欧洲第二个仓库合作伙伴",
        owner_seat=founder, needed_seats=[planned],
    )  # fmt: skip
    return founder, planned, goal


def _ws(name: str, **kwargs: Any) -> Any:
    return lambda shop: reverse(name, kwargs={"ws": SLUG, **kwargs})


def _seat(name: str, which: str) -> Any:
    return lambda shop: reverse(name, kwargs={"ws": SLUG, "pk": getattr(shop, which).pk})


def _future_chart(shop: Shop) -> str:
    year = shop.planned_seat.planned_for.year
    return f"{reverse('org_chart', kwargs={'ws': SLUG})}?as_of={year}-12-31"


# page id -> (URL maker, signed in as the owner?)
PAGES: dict[str, tuple[Any, bool]] = {
    "sign-in": (lambda shop: reverse("account_login"), False),
    "sign-up": (lambda shop: reverse("account_signup"), False),
    "invitation-accept": (
        lambda shop: reverse("invitation_accept", kwargs={"token": shop.invitation_token}),
        False,
    ),
    "workspace-home": (_ws("workspace_home"), True),
    "members": (_ws("members"), True),
    "member-detail": (
        lambda shop: reverse("member_detail", kwargs={"ws": SLUG, "pk": shop.member.pk}),
        True,
    ),
    "offboard-confirm": (
        lambda shop: reverse("member_offboard", kwargs={"ws": SLUG, "pk": shop.member.pk}),
        True,
    ),
    "offboarding-summary": (
        lambda shop: reverse("member_offboarding", kwargs={"ws": SLUG, "pk": shop.leaver.pk}),
        True,
    ),
    "groups": (_ws("groups"), True),
    "group-detail": (
        lambda shop: reverse("group_detail", kwargs={"ws": SLUG, "pk": shop.group.pk}),
        True,
    ),
    "group-send": (
        lambda shop: reverse("group_send", kwargs={"ws": SLUG, "pk": shop.group.pk}),
        True,
    ),
    "audit": (_ws("audit"), True),
    "notifications": (_ws("notifications"), True),
    "account-settings": (lambda shop: reverse("account_settings"), True),
    "workspace-settings": (_ws("workspace_settings"), True),
    "api-tokens": (lambda shop: reverse("api_tokens"), True),
    "mfa": (lambda shop: reverse("mfa_index"), True),
    "sessions": (lambda shop: reverse("usersessions_list"), True),
    # The org chart (keel.org) and the vision (keel.goals).
    "org-chart": (_ws("org_chart"), True),
    "org-chart-future": (_future_chart, True),
    "org-departments": (_ws("org_departments"), True),
    "org-seats": (_ws("org_seats"), True),
    "org-seat-filled": (_seat("org_seat", "seat"), True),
    "org-seat-planned": (_seat("org_seat", "planned_seat"), True),
    "org-seat-new": (_ws("org_seat_new"), True),
    "org-seat-edit": (_seat("org_seat_edit", "planned_seat"), True),
    "org-headcount": (_ws("org_headcount"), True),
    "goals-vision": (_ws("goals_vision"), True),
    "goals-vision-edit": (_ws("goals_vision_edit"), True),
    "goals-goal-new": (_ws("goals_goal_create"), True),
    "goals-milestone-new": (
        lambda shop: reverse(
            "goals_milestone_create", kwargs={"ws": SLUG, "goal_id": shop.goal.pk}
        ),
        True,
    ),
}


def _project(name: str) -> Any:
    return lambda shop: reverse(name, kwargs={"ws": SLUG, "project_id": shop.project.pk})


PAGES.update({
    # The tasks app (keel.tasks).
    "tasks-projects": (_ws("projects"), True),
    "tasks-project-new": (_ws("project_new"), True),
    "tasks-project-list": (_project("project_tasks"), True),
    "tasks-project-board": (_project("project_board"), True),
    "tasks-project-calendar": (_project("project_calendar"), True),
    "tasks-project-settings": (_project("project_settings"), True),
    "tasks-task-new": (_project("task_new"), True),
    "tasks-task": (
        lambda shop: reverse("task_detail", kwargs={"ws": SLUG, "task_id": shop.task.pk}), True
    ),
    "tasks-all": (_ws("tasks_all"), True),
    "tasks-mine": (_ws("tasks_mine"), True),
    "tasks-calendar": (_ws("tasks_calendar"), True),
    "tasks-workload": (_ws("tasks_workload"), True),
    "tasks-recurring": (_project("project_recurrences"), True),
    "tasks-status-updates": (_project("project_updates"), True),
    "tasks-summaries": (_ws("tasks_summary"), True),
    "tasks-summary-shown": (
        lambda shop: reverse("tasks_summary", kwargs={"ws": SLUG})
        + f"?project={shop.project.pk}&period=week",
        True,
    ),
    "tasks-calendar-feeds": (_ws("calendar_feeds"), True),
    "tasks-import-new": (_ws("tasks_import_new"), True),
    "tasks-import-into": (_project("tasks_import"), True),
})  # fmt: skip
# Left in Latin letters on purpose: ISO currency codes (identifiers, like the time zones: the
# seat form lists them as they are) and the Ctrl key's name, as printed on the keyboard.
# The tasks pages name products (Asana, Markdown, Google/Outlook/Apple calendars), the RFC 5545
# rule syntax users type as is (FREQ=MONTHLY;BYDAY=1MO, DTSTART), an encoding (UTF-8) and
# example project keys (KEY-42, MKT-12), which are identifiers in every language.
TASKS_ALLOWED = frozenset({
    "Asana", "Markdown", "Google", "Outlook", "Apple", "RFC", "RRULE", "FREQ", "MONTHLY",
    "BYDAY", "DTSTART", "UTF", "KEY", "MKT",
})  # fmt: skip
# The workspace settings page adds more currency codes and the logo's file formats.
EXTRA_ALLOWED = frozenset({
    "CNY", "USD", "EUR", "HKD", "TWD", "GBP", "JPY", "SGD", "AUD", "CAD", "Ctrl",
    "PNG", "JPEG", "GIF", "WebP",
}) | TASKS_ALLOWED  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page_id", list(PAGES))
def test_page_has_no_untranslated_english(page_id: str, language: str) -> None:
    shop = _shop()
    make_url, signed_in = PAGES[page_id]
    client = Client(headers={"accept-language": language})
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    if signed_in:
        user = shop.owner.user
        user.language = language
        user.save(update_fields=["language"])
        client.force_login(user)
        session = client.session
        session["keel_language"] = language
        session.save()
    url = make_url(shop)
    response = client.get(url)
    assert response.status_code == 200, f"{page_id}: GET {url} answered {response.status_code}"
    html = response.content.decode()
    left = untranslated(html, extra_allowed=EXTRA_ALLOWED)
    if left:
        listing = "\n".join(f"    {text}" for text in left)
        pytest.fail(
            f"{page_id} ({url}) in {language}: {len(left)} untranslated string(s):\n{listing}",
            pytrace=False,
        )
