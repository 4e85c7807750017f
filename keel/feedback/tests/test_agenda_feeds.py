"""The agenda-feed registry (keel/feedback/agenda_feeds.py) with a stand-in feed: what a higher
app pulls in lands once per meeting, at the end of the agenda, is worded (or hidden) per
reader when read, and is not carried over. keel/kpis/tests/test_agenda_and_vision.py tests
the real feed (the KPIs that missed)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError
from django.urls import reverse

from keel.core.models import Role
from keel.feedback import agenda_feeds
from keel.feedback.agenda_feeds import FeedItem, Shown
from keel.feedback.models import AgendaItem, AgendaSource
from keel.feedback.services.agenda import meeting_at
from keel.feedback.tests.factories import AgendaItemFactory, MeetingFactory, MeetingSeriesFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 1, 0, 0, tzinfo=dt.UTC)


@pytest.fixture
def feed(monkeypatch):
    """A stand-in feed: pulls ids 7 and 8; words them per reader, hides them from assistants."""
    wanted = [FeedItem(7, "Seven", {"n": 7}), FeedItem(8, "Eight", {"n": 8})]

    def render(reader, items):
        if reader.role == Role.ASSISTANT:
            return {i.pk: None for i in items}
        return {i.pk: Shown(f"Worded {i.ref_data['n']} for {reader.user.full_name}", "/x/")
                for i in items}  # fmt: skip

    monkeypatch.setattr(agenda_feeds, "_FEEDS", {})
    agenda_feeds.register_agenda_feed(AgendaSource.KPI, pull=lambda m, now: wanted, render=render)
    return wanted


@pytest.fixture
def meeting(workspace, owner):
    series = MeetingSeriesFactory(workspace=workspace, organizer=owner)
    return MeetingFactory(series=series, workspace=workspace)


def _fed(meeting):
    return list(AgendaItem.objects.filter(meeting=meeting, ref_id__isnull=False))


def test_pulled_items_go_to_the_end_once(feed, meeting):
    AgendaItemFactory(meeting=meeting, workspace=meeting.workspace, position=4)
    assert agenda_feeds.pull_into(meeting, now=NOW) == 2
    assert agenda_feeds.pull_into(meeting, now=NOW) == 0
    items = _fed(meeting)
    assert [(i.ref_id, i.text, i.position, i.ref_data) for i in items] == [
        (7, "Seven", 5, {"n": 7}), (8, "Eight", 6, {"n": 8})
    ]  # fmt: skip
    assert all(i.source == AgendaSource.KPI and i.workspace_id == meeting.workspace_id
               for i in items)  # fmt: skip


def test_the_database_keeps_one_item_per_reference(feed, meeting):
    agenda_feeds.pull_into(meeting, now=NOW)
    with pytest.raises(IntegrityError):
        AgendaItemFactory(meeting=meeting, workspace=meeting.workspace,
                          source=AgendaSource.KPI, ref_id=7)  # fmt: skip


def test_held_meetings_and_no_feeds_add_nothing(feed, meeting, monkeypatch):
    meeting.held_at = NOW
    assert agenda_feeds.pull_into(meeting, now=NOW) == 0
    meeting.held_at = None
    monkeypatch.setattr(agenda_feeds, "_FEEDS", {})
    assert agenda_feeds.pull_into(meeting, now=NOW) == 0


def test_a_new_meeting_pulls_and_fed_items_are_not_carried_over(feed, meeting):
    agenda_feeds.pull_into(meeting, now=NOW)
    AgendaItemFactory(meeting=meeting, workspace=meeting.workspace, text="Open question")
    following = meeting_at(series=meeting.series, starts_at=meeting.starts_at + dt.timedelta(7))
    carried = AgendaItem.objects.filter(meeting=following, source=AgendaSource.CARRIED)
    assert [i.text for i in carried] == ["Open question"]
    # the feed brought the new meeting its own items, not copies of the old ones
    assert [(i.ref_id, i.carried_from_id) for i in _fed(following)] == [(7, None), (8, None)]


def test_the_page_words_each_item_for_its_reader_and_hides_it_from_others(
    feed, meeting, owner, assistant, login
):
    agenda_feeds.pull_into(meeting, now=NOW)
    url = reverse("feedback_meeting", kwargs={"ws": "acme", "meeting_id": meeting.pk})
    html = login(owner).get(url).content.decode()
    assert "Worded 7 for Olivia" in html and 'href="/x/"' in html
    assert "Seven" not in html
    shown = agenda_feeds.shown(assistant, _fed(meeting))
    assert set(shown.values()) == {None}


def test_an_unregistered_source_shows_its_own_text(feed, meeting, owner, monkeypatch):
    agenda_feeds.pull_into(meeting, now=NOW)
    monkeypatch.setattr(agenda_feeds, "_FEEDS", {})  # the app that fed them is gone
    assert agenda_feeds.shown(owner, _fed(meeting)) == {}
