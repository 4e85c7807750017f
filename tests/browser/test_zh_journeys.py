"""Issue 9's journeys in Simplified Chinese: a shop owner whose account and workspace both speak
zh-hans invites a colleague from the home page, and a member of a group receives a project's
progress summary, both caught by a real SMTP server and read in Chinese (dates too).

The third zh-hans journey of the issue (a recurring task with the pre-filled first date) is
test_dates_journey.py. Expected Chinese strings come from the catalogue (gettext under
zh-hans), so wording changes do not break the tests, but an untranslated string does.
"""

from __future__ import annotations

import datetime
import re
from email.message import EmailMessage
from typing import Any
from urllib.parse import urlparse

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from keel.core.models import Membership, Role
from keel.core.tests.factories import MembershipFactory, WorkspaceFactory
from keel.core.tests.translation_check import offending, untranslated
from keel.org.models import workspace_today

from .helpers import axe_check, body_text, first_link, set_language, sign_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "lotus"
LANGUAGE = "zh-hans"
# A US-style date (12/07/2026 or 12/7/26): never in a Chinese message.
US_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")


def zh(message: str) -> str:
    """`message` as the zh-hans catalogue has it; fails when it is not translated."""
    with translation.override(LANGUAGE):
        translated = translation.gettext(message)
    assert translated != message, f"{message!r} has no zh-hans translation"
    return translated


def zh_date(day: datetime.date) -> str:
    from django.utils.formats import date_format

    with translation.override(LANGUAGE):
        return date_format(day, "DATE_FORMAT")


def _owner() -> Membership:
    ws = WorkspaceFactory(name="莲花贸易", slug=SLUG, language=LANGUAGE, timezone="Asia/Shanghai",
                          email_domain="lotus.example")  # fmt: skip
    owner: Membership = MembershipFactory(
        workspace=ws, role=Role.OWNER, user__email="wang@lotus.example", user__full_name="王芳",
        user__language=LANGUAGE,
    )  # fmt: skip
    return owner


def _page_for(new_context: Any, base_url: str, membership: Membership) -> Any:
    context = new_context()
    set_language(context, base_url, LANGUAGE)
    sign_in_context(context, base_url, membership.user)
    return context.new_page()


def _no_english(text: str, *, label: str) -> None:
    """No line of a plain-text email is English prose (links and addresses are allowed)."""
    left = [line for line in text.splitlines() if line.strip() and offending(line.strip())]
    assert not left, f"{label}: English left in a Chinese email: {left}"


def _html_part(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("html",))
    assert part is not None, "the email has no HTML part"
    return str(part.get_content())


def test_owner_invites_from_the_home_page_and_the_invitation_is_in_chinese(
    new_context, base_url, smtp_mailbox
):
    from keel.accounts.models import Invitation

    owner = _owner()
    page = _page_for(new_context, base_url, owner)
    home = reverse("workspace_home", kwargs={"ws": SLUG})
    invite_url = reverse("member_invite", kwargs={"ws": SLUG})
    invite = zh("Invite someone")

    page.goto(home)
    expect(page.locator("html")).to_have_attribute("lang", re.compile(r"^zh"))
    header_button = page.locator("a[data-create]", has_text=invite)
    quick_action = page.locator("section[aria-labelledby=actions-title]").get_by_role(
        "link", name=invite
    )
    # Both lead to the invite form with a GET that answers (the 405 of issue 9).
    for button in (header_button, quick_action):
        page.goto(home)
        with page.expect_response(lambda r: urlparse(r.url).path == invite_url) as answer:
            button.first.click()
        assert answer.value.status == 200, f"{invite_url} answered {answer.value.status}"
        page.wait_for_url(f"**{invite_url}")
        expect(page.locator("#invite input[name=email]")).to_be_focused()
    axe_check(page, label="invite form [zh-hans]")

    form = page.locator("#invite")
    form.locator("input[name=email]").fill("li@lotus.example")
    form.locator("select[name=role]").select_option("member")
    form.get_by_role("button", name=zh("Send invitation")).click()
    page.wait_for_url(f"**{reverse('members', kwargs={'ws': SLUG})}")
    expect(page.locator(".messages")).to_contain_text("li@lotus.example")
    assert Invitation.objects.filter(workspace=owner.workspace, email="li@lotus.example").exists()

    email = smtp_mailbox.wait_for(to="li@lotus.example")
    subject = str(email["Subject"])
    assert "王芳" in subject and "莲花贸易" in subject, subject
    assert not offending(subject), f"the subject is not Chinese: {subject}"
    text = body_text(email)
    assert zh("Accept the invitation:") in text, text
    _no_english(text, label="invitation")
    link = first_link(text, containing="/invitations/")
    assert link.startswith(base_url), f"the link must point at this server: {link}"


def _summary_project(owner: Membership) -> tuple[Any, dict[str, datetime.date]]:
    """A project with a task done today, one overdue and one coming up next week."""
    from django.utils import timezone

    from keel.tasks import services
    from keel.tasks.models import Status
    from keel.tasks.tests.factories import TaskFactory

    project = services.project_create(actor=owner, name="天猫店铺", key="TM")
    today = workspace_today(owner.workspace)
    dates = {
        "overdue": today - datetime.timedelta(days=3),
        "coming": today + datetime.timedelta(days=2),
    }
    services.task_create(actor=owner, project=project, title="核对上周订单", due=dates["overdue"])
    services.task_create(actor=owner, project=project, title="上新春季茶具", due=dates["coming"])
    TaskFactory(project=project, title="回复买家评价", status=Status.DONE,
                completed_at=timezone.now())  # fmt: skip
    return project, dates


def test_member_receives_the_progress_summary_in_chinese_with_chinese_dates(
    new_context, base_url, smtp_mailbox
):
    from keel.accounts.models import Group, GroupMembership

    owner = _owner()
    member = MembershipFactory(
        workspace=owner.workspace, role=Role.MEMBER, user__email="li@lotus.example",
        user__full_name="李雷", user__language=LANGUAGE,
    )  # fmt: skip
    group = Group.objects.create(workspace=owner.workspace, name="运营", alias="ops")
    GroupMembership.objects.create(workspace=owner.workspace, group=group, membership=member)
    project, dates = _summary_project(owner)
    summary_url = reverse("tasks_summary", kwargs={"ws": SLUG})

    # 1. Preview in Chinese: posted (no token in the address bar), dates as 2026年12月7日.
    page = _page_for(new_context, base_url, owner)
    page.goto(summary_url)
    form = page.locator(f"form[action='{summary_url}']")
    form.locator("select[name=project]").select_option(str(project.pk))
    form.locator("input[name=period][value=week]").check()
    form.locator("select[name=group]").select_option(str(group.pk))
    form.get_by_role("button", name=zh("Preview")).click()
    preview = page.locator("section[aria-labelledby=preview-title]")
    expect(preview).to_be_visible()
    assert "csrf" not in page.url, f"the CSRF token is in the address bar: {page.url}"
    expect(preview).to_contain_text(zh("Overdue"))
    expect(preview).to_contain_text("核对上周订单")
    shown = preview.inner_text()
    assert "年" in shown and "月" in shown and not US_DATE.search(shown), shown
    main_html = page.locator("main").inner_html()
    assert not untranslated(main_html), untranslated(main_html)
    axe_check(page, label="summary preview [zh-hans]")

    # 2. Send to the group: the member's email is Chinese, dates included.
    form.get_by_role("button", name=zh("Send to the group")).click()
    expect(page.locator("main")).to_contain_text("运营")
    email = smtp_mailbox.wait_for(to="li@lotus.example")
    subject = str(email["Subject"])
    assert "天猫店铺" in subject and not offending(subject), subject
    text = body_text(email)
    html = _html_part(email)
    for part in (text, html):
        assert zh_date(dates["overdue"]) in part, f"no Chinese overdue date in:\n{part}"
        assert zh_date(dates["coming"]) in part, f"no Chinese due date in:\n{part}"
        assert not US_DATE.search(part), f"a US date in a Chinese email:\n{part}"
        for heading in ("Done", "Overdue", "Coming up"):
            assert zh(heading) in part
    _no_english(text, label="summary (text)")
    assert not untranslated(html), untranslated(html)
    assert re.search(r'<html lang="zh', html), "the HTML email does not say it is Chinese"
