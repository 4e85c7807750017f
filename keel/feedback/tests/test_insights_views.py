"""Manager views: privacy first (a peer, an admin outside the chain, the person themself),
then the pages in every language, acknowledging, the watched words and the query budgets."""

from __future__ import annotations

import datetime
from typing import Any, cast

import pytest
from django.urls import reverse
from django.utils import timezone

from keel.accounts.models import User
from keel.core.models import Role
from keel.core.tests.factories import MembershipFactory
from keel.feedback.models import AnswerVisibility, Signal, SignalKind, WatchWords
from keel.feedback.tests.factories import (
    AnswerFactory,
    QuestionFactory,
    ReportFormFactory,
    SignalFactory,
    daily_reports,
    team_chart,
)

pytestmark = pytest.mark.django_db

PRIVATE = "Thinking about my contract privately"
TEAM = "Packed the spring orders"


@pytest.fixture
def peer(workspace):
    return MembershipFactory(workspace=workspace, role=Role.MEMBER, user__full_name="Pete Peer")


@pytest.fixture
def setup(workspace, owner, manager, member, peer):
    """owner → manager → member, peer; member wrote a private and a team answer and has a
    mood signal; peer has one too."""
    team_chart(workspace, boss=owner, lead=manager, people=[member, peer])
    form = ReportFormFactory(workspace=workspace)
    private_q = QuestionFactory(form=form, workspace=workspace, prompt="How are you, really?")
    team_q = QuestionFactory(form=form, workspace=workspace, prompt="What did you ship?",
                             visibility=AnswerVisibility.TEAM)  # fmt: skip
    today = timezone.localdate()
    [report] = daily_reports(form, member, end=today - datetime.timedelta(days=1), moods=[2])
    AnswerFactory(report=report, workspace=workspace, question=private_q, text=PRIVATE)
    AnswerFactory(report=report, workspace=workspace, question=team_q, text=TEAM)
    signal = SignalFactory(
        workspace=workspace, subject=member, kind=SignalKind.MOOD_DROP, key="mood_drop",
        details={"recent": 2.33, "baseline": 3.67, "recent_count": 3, "baseline_count": 6},
    )  # fmt: skip
    SignalFactory(workspace=workspace, subject=peer)
    return {"form": form, "signal": signal, "report": report}


EXPLANATION = "over the last three weeks averages 2.3, against 3.7"


def _url(name: str, ws: str = "acme", **kwargs) -> str:
    return reverse(name, kwargs={"ws": ws, **kwargs})


# --- Privacy -----------------------------------------------------------------------------------


def test_manager_reads_private_answers_trend_and_signals(login, manager, member, setup):
    response = login(manager).get(_url("feedback_person", member_id=member.pk))
    assert response.status_code == 200
    body = response.content.decode()
    assert PRIVATE in body and TEAM in body
    assert EXPLANATION in body
    assert 'role="img"' in body and "style=" not in body.split("<main", 1)[-1]


def test_peer_and_admin_outside_the_chain_get_404_on_the_person_page(
    login, client, admin, peer, member, setup
):
    for viewer in (peer, admin):
        response = login(viewer).get(_url("feedback_person", member_id=member.pk))
        assert response.status_code == 404
        assert PRIVATE not in response.content.decode()


def test_the_person_sees_their_answers_but_never_their_own_signals(login, member, setup):
    body = login(member).get(_url("feedback_person", member_id=member.pk)).content.decode()
    assert PRIVATE in body
    assert EXPLANATION not in body and "Early warnings" not in body
    body = login(member).get(_url("feedback_signals")).content.decode()
    assert EXPLANATION not in body
    assert login(member).get(_url("feedback_team")).status_code == 200


@pytest.mark.parametrize("page", ["feedback_team", "feedback_signals"])
def test_peer_and_admin_see_no_signal_or_answer_on_team_and_signals_pages(
    login, admin, peer, member, setup, page
):
    for viewer in (peer, admin):
        body = login(viewer).get(_url(page)).content.decode()
        assert EXPLANATION not in body
        assert PRIVATE not in body and "Mike" not in body


def test_home_lists_signals_only_for_those_who_may_see_them(
    login, owner, manager, admin, peer, member, setup
):
    home = "/acme/"
    assert "early warnings about people you lead" in login(owner).get(home).content.decode()
    assert "early warnings about people you lead" in login(manager).get(home).content.decode()
    for viewer in (admin, peer, member):
        body = login(viewer).get(home).content.decode()
        assert "early warning" not in body


def test_team_page_for_manager_and_owner(login, owner, manager, member, peer, setup):
    body = login(manager).get(_url("feedback_team")).content.decode()
    assert "Mike" in body and "Pete Peer" in body and EXPLANATION in body
    assert PRIVATE not in body  # the team page shows figures, not answers
    body = login(owner).get(_url("feedback_team")).content.decode()
    assert "Maya" in body and 'name="department"' in body


def test_team_filter_lists_and_applies_this_workspaces_departments_only(
    login, workspace, owner, member, setup
):
    from keel.core.tests.factories import WorkspaceFactory
    from keel.org.models import Department, Seat

    ops = Department.objects.create(workspace=workspace, name="Ops & <Logistics>")
    Seat.objects.filter(workspace=workspace, holder=member).update(department=ops)
    theirs = Department.objects.create(workspace=cast(Any, WorkspaceFactory()), name="Their dept")
    client = login(owner)
    body = client.get(_url("feedback_team")).content.decode()
    assert f'<option value="{ops.pk}">Ops &amp; &lt;Logistics&gt;</option>' in body
    assert "Their dept" not in body
    body = client.get(_url("feedback_team"), {"department": ops.pk}).content.decode()
    assert f'<option value="{ops.pk}" selected>' in body
    assert "Mike" in body and "Pete Peer" not in body  # only the department's people
    # another workspace's department is not a choice: the filter is ignored, nothing leaks
    response = client.get(_url("feedback_team"), {"department": theirs.pk})
    assert response.status_code == 200 and "Pete Peer" in response.content.decode()


def test_team_themes_come_from_team_answers_only(login, workspace, manager, member, peer, setup):
    form = setup["form"]
    team_q = form.questions.get(visibility=AnswerVisibility.TEAM)
    private_q = form.questions.get(visibility=AnswerVisibility.MANAGERS)
    for author, day in ((member, 2), (peer, 3)):
        [report] = daily_reports(form, author, end=timezone.localdate() - datetime.timedelta(
            days=day), moods=[3])  # fmt: skip
        AnswerFactory(report=report, workspace=workspace, question=team_q, text="物流太慢 couriers")
        AnswerFactory(report=report, workspace=workspace, question=private_q, text="salary salary")
    body = login(manager).get(_url("feedback_team")).content.decode()
    assert "courier" in body and "物流" in body
    assert "salary" not in body


def test_team_mood_per_week_counts_this_weeks_reports_at_once(manager, member, peer, setup):
    """Past weeks come from a half-hour cache; the current week is read on every view."""
    from keel.feedback.selectors.insights import week_start
    from keel.feedback.selectors.team import team_page

    today = timezone.localdate()
    three_weeks_ago = week_start(today) - datetime.timedelta(weeks=3)
    daily_reports(setup["form"], member, end=three_weeks_ago + datetime.timedelta(days=1),
                  moods=[4, 2])  # fmt: skip
    page = team_page(viewer=manager)
    assert page.weeks[-4] == three_weeks_ago and page.mood[-4] == 3.0
    # setup's report of yesterday (mood 2) counts in this week unless today is a Monday
    yesterday_counts = week_start(today - datetime.timedelta(days=1)) == week_start(today)
    assert page.mood[-1] == (2.0 if yesterday_counts else None)
    daily_reports(setup["form"], peer, end=today, moods=[5], hour=0)
    page = team_page(viewer=manager)
    assert page.mood[-4] == 3.0
    assert page.mood[-1] == (3.5 if yesterday_counts else 5.0)


def test_owners_whole_team_leaves_out_themself_and_people_who_left(
    workspace, owner, member, peer, setup
):
    """The owner's unfiltered team is said as "every active member but me", not as ids."""
    from keel.feedback.selectors.team import team_page

    today = timezone.localdate()
    form = setup["form"]
    daily_reports(form, owner, end=today, moods=[1], hour=0)  # the owner's own: not counted
    daily_reports(form, peer, end=today, moods=[5], hour=0)
    leaver: Any = MembershipFactory(workspace=workspace, role=Role.MEMBER)
    daily_reports(form, leaver, end=today, moods=[1], hour=0)
    SignalFactory(workspace=workspace, subject=leaver)
    leaver.offboarded_at = timezone.now()
    leaver.save(update_fields=["offboarded_at"])
    page = team_page(viewer=owner)
    people = {row.person.pk for row in page.rows}
    assert owner.pk not in people and leaver.pk not in people and peer.pk in people
    assert all(row.signal.subject_id != leaver.pk for row in page.signals)
    from keel.feedback.selectors.insights import week_start

    yesterday_counts = week_start(today - datetime.timedelta(days=1)) == week_start(today)
    assert page.mood[-1] == (3.5 if yesterday_counts else 5.0)  # peer's 5 (and member's 2)


# --- Acknowledging -----------------------------------------------------------------------------


def test_peer_cannot_acknowledge_and_nothing_changes(login, peer, admin, setup):
    signal = setup["signal"]
    for viewer in (peer, admin):
        response = login(viewer).post(
            _url("feedback_signal_acknowledge", signal_id=signal.pk), {"note": "seen"}
        )
        assert response.status_code == 404
    signal.refresh_from_db()
    assert signal.acknowledged_at is None and signal.note == ""


def test_manager_acknowledges_with_a_note(login, manager, member, setup):
    signal = setup["signal"]
    back = _url("feedback_person", member_id=member.pk)
    response = login(manager).post(
        _url("feedback_signal_acknowledge", signal_id=signal.pk),
        {"note": "Talked on Tuesday", "next": back},
    )
    assert response.status_code == 302 and response["Location"] == back
    signal.refresh_from_db()
    assert signal.acknowledged_by == manager and signal.note == "Talked on Tuesday"
    body = login(manager).get(back).content.decode()
    assert "Talked on Tuesday" in body


def test_too_long_note_is_shown_beside_the_field(login, manager, setup):
    signal = setup["signal"]
    response = login(manager).post(
        _url("feedback_signal_acknowledge", signal_id=signal.pk),
        {"note": "x" * 501, "next": "https://evil.example/"},
    )
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    signal.refresh_from_db()
    assert signal.acknowledged_at is None


def test_acknowledge_ignores_an_outside_next_url(login, manager, setup):
    signal = setup["signal"]
    response = login(manager).post(
        _url("feedback_signal_acknowledge", signal_id=signal.pk),
        {"note": "", "next": "https://evil.example/"},
    )
    assert response["Location"] == _url("feedback_signals")


# --- Watched words ----------------------------------------------------------------------------


def test_watch_words_page(login, admin, member, workspace):
    assert login(member).get(_url("feedback_watch_words")).status_code == 403
    response = login(admin).get(_url("feedback_watch_words"))
    assert response.status_code == 200 and "辞职" in response.content.decode()
    response = login(admin).post(_url("feedback_watch_words"), {"words": "quit\nquit\n离职"})
    assert response.status_code == 302
    assert WatchWords.objects.get(workspace=workspace).words == "quit\n离职"
    response = login(admin).post(_url("feedback_watch_words"), {"words": "y" * 41})
    assert response.status_code == 400 and "40" in response.content.decode()


# --- Languages and budgets ---------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_pages_render_in_every_language(login, owner, member, setup, language):
    User.objects.filter(pk=owner.user_id).update(language=language)
    client = login(owner)
    client.cookies["django_language"] = language
    for url in (
        _url("feedback_person", member_id=member.pk),
        _url("feedback_team"),
        _url("feedback_signals"),
        _url("feedback_watch_words"),
    ):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, url
        assert f'lang="{language}"' in response.content.decode()


def _more_reports(setup, workspace, people, days: int) -> None:
    for person in people:
        daily_reports(setup["form"], person, end=timezone.localdate() - datetime.timedelta(days=2),
                      moods=[3] * days)  # fmt: skip


def _count(client, url, django_assert_max_num_queries, budget):
    with django_assert_max_num_queries(budget):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("page", ["person", "person as manager", "team", "signals"])
def test_query_budget_does_not_grow_with_reports(
    login, workspace, owner, manager, member, peer, setup, page, django_assert_max_num_queries
):
    url = {
        "person": _url("feedback_person", member_id=member.pk),
        "person as manager": _url("feedback_person", member_id=member.pk),
        "team": _url("feedback_team"),
        "signals": _url("feedback_signals"),
    }[page]
    client = login(manager if page == "person as manager" else owner)
    client.get(url)  # warm caches (session, shell)
    # The same with 1 or 80 reports; the team page's themes are cached (a miss: one more).
    budget = {"person": 12, "person as manager": 16, "team": 16, "signals": 7}[page]
    _count(client, url, django_assert_max_num_queries, budget)
    _more_reports(setup, workspace, [member, peer], 40)
    for _ in range(5):
        SignalFactory(workspace=workspace, subject=MembershipFactory(workspace=workspace))
    _count(client, url, django_assert_max_num_queries, budget)


def test_other_kinds_are_explained_in_words(login, workspace, owner, member, setup):
    Signal.objects.all().delete()
    SignalFactory(workspace=workspace, subject=member, details={"missed": 3, "first":
                  "2026-05-27", "last": "2026-05-29"})  # fmt: skip
    SignalFactory(workspace=workspace, subject=member, kind=SignalKind.WATCH_WORDS,
                  key="watch_words:1", details={"words": ["辞职"], "question": "Anything else?",
                                                "date": "2026-05-28"})  # fmt: skip
    SignalFactory(workspace=workspace, subject=member, kind=SignalKind.OVERDUE_RECURRING,
                  key="overdue_recurring", details={"overdue": 4})  # fmt: skip
    body = login(owner).get(_url("feedback_signals")).content.decode()
    assert "Mike has missed 3 reports in a row" in body
    assert "Mike wrote “辞职” in their report of" in body
    assert "Mike also has 4 overdue recurring tasks." in body


def test_row_links_put_the_id_in_place_of_the_last_zero_when_the_workspace_is_named_0():
    from keel.ui.rows import id_url

    url = id_url("feedback_report", "0", "report_id")(12)
    assert url == reverse("feedback_report", kwargs={"ws": "0", "report_id": 12})
    assert url.startswith("/0/")
