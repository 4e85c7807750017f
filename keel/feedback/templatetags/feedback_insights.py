"""`{% feedback_team_summary membership as summary %}`: the figures of the feedback home
page's team block (partials/home_team.html), so that block needs nothing from its view;
`{% feedback_team_rows page.rows ws %}`: the team table's rows."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from keel.feedback.selectors.insights import TeamSummary, team_summary
from keel.feedback.selectors.team import TeamRow

register = template.Library()


@register.simple_tag
def feedback_team_summary(membership: Any) -> TeamSummary | None:
    if membership is None:
        return None
    return team_summary(viewer=membership)


@register.simple_tag
def feedback_team_rows(rows: list[TeamRow], ws: str) -> SafeString:
    """The team table's rows, written in Python: 250 people through a Django template cost
    ~0.4 ms each (docs/architecture.md, "Busy rows are rendered in Python"); this replaces
    the row markup of team.html, cell for cell."""
    person_url = reverse("feedback_person", kwargs={"ws": ws, "member_id": 0})
    head, tail = person_url.rsplit("/0/", 1)
    of = gettext("%(written)s of %(due)s")
    dash = "–"
    html = []
    for row in rows:
        participation = row.participation
        html.append(format_html(
            '<tr><td><a href="{}/{}/{}">{}</a></td><td class="num">{}</td>'
            '<td class="num">{}</td><td class="num">{}</td><td class="num">{}</td></tr>',
            head, row.person.pk, tail, row.person.user.display_name,
            of % {"written": row.written, "due": row.due},
            f"{participation}%" if participation is not None else dash,
            number_format(row.mood, 1) if row.mood is not None else dash,
            row.open_signals or dash,
        ))  # fmt: skip
    return mark_safe("".join(html))  # every piece went through format_html
