"""The feedback pages in English, Simplified and Traditional Chinese: axe-core finds no serious
or critical violation, at 375 px nothing scrolls sideways, and the Chinese pages have no
English left (keel.core.tests.translation_check; the shop's own Latin names are allowed).

The issue's ten pages in all three languages, the other feedback screens in English. One
test per language on the journey's shop (test_feedback_journey.build_shop), with content on
every page: a weekly form made from the template in that language, the member's submitted
report with a watched word, the signals the job raised, an answer flagged into the next 1:1,
a manual agenda item and an action item. The pages are read by the manager, who writes the
form too (so their own report's page is the fill page), holds the seat above the member and
runs the 1:1. Closed <details> are opened first, so the forms inside them are checked too.
Every page is checked before the test fails, and the failure lists them all.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone, translation

from keel.core.tests.translation_check import untranslated
from keel.feedback.models import Answer, ReportForm

from .helpers import MOBILE_WIDTH, axe_check, horizontal_overflow, set_language, sign_in_context
from .test_feedback_journey import WORRY, Shop, build_shop, url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["en", "zh-hans", "zh-hant"]
# Latin letters that are the shop's own data, not the UI: the English-speaking people's names.
DATA_WORDS = frozenset({"Maya", "Chen", "Ana", "Lopez"})


# The pages of the issue, checked in every language (page id, made from the content).
PAGES = ("home", "forms", "builder", "report-fill", "person", "team", "signals", "meetings",
         "series", "meeting")  # fmt: skip
# The other feedback screens, checked in English only (the run stays short).
MORE_PAGES = ("form-new", "report-read", "flag", "series-new")


def _urls(shop: Shop, form: ReportForm, own_report: int, member_report: int, answer: int,
          meeting: int) -> dict[str, str]:  # fmt: skip
    return {
        "home": url("feedback_home"),
        "forms": url("feedback_forms"),
        "builder": url("feedback_form", form_id=form.pk),
        "report-fill": url("feedback_report", report_id=own_report),
        "person": url("feedback_person", member_id=shop.member.pk),
        "team": url("feedback_team"),
        "signals": url("feedback_signals"),
        "meetings": url("feedback_meetings"),
        "series": url("feedback_series", series_id=shop.one_on_one.pk),
        "meeting": url("feedback_meeting", meeting_id=meeting),
        "form-new": url("feedback_form_new") + "?template=weekly",
        "report-read": url("feedback_report", report_id=member_report),
        "flag": url("feedback_answer_flag", answer_id=answer),
        "series-new": url("feedback_series_new"),
    }


def _with_content(shop: Shop, language: str) -> dict[str, str]:
    from keel.feedback.services import actions, agenda, flags
    from keel.feedback.services.forms import audience_set, form_create
    from keel.feedback.services.reports import report_start, report_submit
    from keel.feedback.services.signals import signals_compute

    manager, member = shop.manager, shop.member
    form = form_create(actor=manager, template="weekly", language=language)
    audience_set(actor=manager, form=form, members=[manager, member])
    questions = list(form.questions.order_by("position"))
    values: dict[str, Any] = {"long_text": "- KF-1 回复买家差评", "scale": 4, "mood": 2}
    answers = {q.pk: values[q.kind] for q in questions}
    answers[questions[4].pk] = WORRY  # "Anything bothering you?"
    written = report_submit(actor=member, report=report_start(actor=member, form=form),
                            answers=answers)  # fmt: skip
    own = report_start(actor=manager, form=form)
    signals_compute(workspace=shop.ws, now=timezone.now())

    worry = Answer.objects.get(report=written, question=questions[4])
    item = flags.answer_flag(actor=manager, answer=worry, series=shop.one_on_one)
    agenda.agenda_item_add(actor=member, meeting=item.meeting, text="下个月的排班")
    actions.action_item_create(
        actor=manager, meeting=item.meeting, title="安排一次调休", owner=member,
        due=timezone.localdate() + datetime.timedelta(days=5),
    )  # fmt: skip
    return _urls(shop, form, own.pk, written.pk, worry.pk, item.meeting_id)


def _problems(page: Any, name: str, path: str, language: str) -> list[str]:
    """What is wrong with one page (an empty list when nothing is)."""
    label = f"{name} [{language}]"
    page.set_viewport_size({"width": 1280, "height": 900})
    response = page.goto(path)
    if response is None or response.status != 200:
        return [f"{label}: {path} answered {response and response.status}"]
    found = []
    lang = str(page.evaluate("() => document.documentElement.lang")).lower()
    if lang != language:
        found.append(f"{label}: <html lang={lang!r}>")
    if language != "en":
        english = untranslated(page.locator("main").inner_html(), extra_allowed=DATA_WORDS)
        if english:
            found.append(f"{label}: English left on the page: {english}")
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    try:
        axe_check(page, label=label)
    except pytest.fail.Exception as failure:
        found.append(str(failure.msg))
    page.set_viewport_size({"width": MOBILE_WIDTH, "height": 812})
    if overflow := horizontal_overflow(page):
        found.append(f"{label}: {overflow}px too wide at {MOBILE_WIDTH}px")
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_feedback_pages_are_accessible(new_context: Any, base_url: str, language: str) -> None:
    shop = build_shop()
    with translation.override(language):  # as when the manager writes through the pages
        urls = _with_content(shop, language)
    shop.manager.user.language = language
    shop.manager.user.save(update_fields=["language"])
    context = new_context()
    set_language(context, base_url, language)
    sign_in_context(context, base_url, shop.manager.user)
    page = context.new_page()
    found: list[str] = []
    for name in PAGES + (MORE_PAGES if language == "en" else ()):
        found += _problems(page, name, urls[name], language)
    assert not found, "\n".join(found)
