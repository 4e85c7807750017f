"""`{% feedback_team_summary membership as summary %}`: the figures of the feedback home
page's team block (partials/home_team.html), so that block needs nothing from its view;
`{% feedback_team_rows page.rows ws %}`: the team table's rows;
`{% feedback_report_history page.reports ws may_flag %}`: the person page's latest reports."""

from __future__ import annotations

from html import escape as html_escape
from typing import Any

from django import template
from django.utils.formats import date_format, get_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from keel.feedback.selectors.insights import ReportRow, TeamSummary, team_summary
from keel.feedback.selectors.team import TeamRow
from keel.ui.rows import id_url

register = template.Library()


def one_decimal(value: float, point: str) -> str:
    """A figure to one decimal, rounded (number_format() cuts: 3.46 would show as 3.4), with
    the reader's decimal separator (`point`, asked once per page)."""
    return html_escape(f"{value:.1f}".replace(".", point))


@register.simple_tag
def feedback_team_summary(membership: Any) -> TeamSummary | None:
    if membership is None:
        return None
    return team_summary(viewer=membership)


@register.simple_tag
def feedback_team_rows(rows: list[TeamRow], ws: str) -> SafeString:
    """The team table's rows, written in Python: 250 people through a Django template cost
    ~0.4 ms each (docs/architecture.md, "Busy rows are rendered in Python"); this replaces
    the row markup of team.html, cell for cell. The standard library's `html.escape` is what
    Django's `escape` calls, without its lazy-string check (1,500 calls a page), and the
    mood is formatted with the reader's decimal separator, asked once."""
    person_url = id_url("feedback_person", ws, "member_id")
    of = gettext("%(written)s of %(due)s")
    point = get_format("DECIMAL_SEPARATOR")
    dash = "–"
    html = []
    for row in rows:  # f-strings with escape(): format_html per row cost 8 ms at 250 rows
        participation = row.participation
        written = html_escape(of % {"written": row.written, "due": row.due})
        share = f"{participation}%" if participation is not None else dash
        mood = one_decimal(row.mood, point) if row.mood is not None else dash
        href = html_escape(person_url(row.person.pk))
        html.append(
            f'<tr><td><a href="{href}">{html_escape(row.person.name)}</a></td>'
            f'<td class="num">{written}</td><td class="num">{share}</td>'
            f'<td class="num">{mood}</td><td class="num">{row.open_signals or dash}</td></tr>'
        )
    return mark_safe("".join(html))  # every text went through escape(); the rest are numbers


@register.simple_tag
def feedback_report_history(reports: list[ReportRow], ws: str, may_flag: bool) -> SafeString:
    """The person page's "Latest reports" list items, written in Python: ten reports of
    four or five answers each, with a link per answer, cost ~10 ms through the template.
    This replaces the loop of person.html, element for element."""
    report_url = id_url("feedback_report", ws, "report_id")
    flag_url = id_url("feedback_answer_flag", ws, "answer_id")
    private = escape(gettext("manager chain only"))
    flagged = escape(gettext("Flagged"))
    bring = escape(gettext("Bring to a meeting"))
    html = []
    for report in reports:
        scores = []
        if report.mood:
            scores.append(gettext("Mood %(mood)s/5") % {"mood": report.mood})
        if report.workload:
            scores.append(gettext("Workload %(workload)s/5") % {"workload": report.workload})
        link = escape(report_url(report.report_id))
        html.append(
            f'<li><div class="row row-between"><a href="{link}"><strong>'
            f"{escape(report.form_title)}</strong> · {escape(date_format(report.period_date))}"
            f'</a><span class="muted small">{escape(" · ".join(scores))}</span></div>'
        )
        if report.answers:
            html.append("<dl>")
            for answer in report.answers:
                prompt = escape(answer.prompt)
                note = f' <span class="muted small">({private})</span>' if answer.private else ""
                html.append(f"<dt>{prompt}{note}</dt><dd>{escape(answer.text)}")
                if answer.flagged:
                    html.append(f' <span class="badge badge-blue">{flagged}</span>')
                if may_flag:
                    href = escape(flag_url(answer.answer_id))
                    html.append(
                        f' <a class="btn btn-ghost btn-sm" href="{href}">{bring}'
                        f'<span class="visually-hidden"> · {prompt}</span></a>'
                    )
                html.append("</dd>")
            html.append("</dl>")
        html.append("</li>")
    return mark_safe("".join(html))  # every text went through escape()


@register.simple_tag
def feedback_week_rows(trend: list[tuple[Any, ...]]) -> SafeString:
    """The rows of a chart's "Figures per week" table: (week start, value, …) → the date and
    each value to one decimal, "–" where there is none (26 rows through the template cost
    ~6 ms on the person page)."""
    point = get_format("DECIMAL_SEPARATOR")
    html = []
    for week, *values in trend:
        cells = "".join(
            f'<td class="num">{"–" if v is None else one_decimal(v, point)}</td>' for v in values
        )
        html.append(f"<tr><td>{escape(date_format(week))}</td>{cells}</tr>")
    return mark_safe("".join(html))  # dates and numbers, escaped
