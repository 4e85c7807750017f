"""The monthly scorecard as plain lines, in the active language: the email's text part, and
what a chat message (Slack, Feishu, DingTalk, WeCom) carries. Independent of any template:

    KPI scorecard · November 2026
    4 on target · 1 close · 2 missed
    Marketing (2 missed)
    ACoS — 31.5% / 25% · Missed
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from keel.core.models import Workspace
from keel.kpis import figures, selectors
from keel.kpis.metrics import _zone
from keel.kpis.selectors import Scorecard, ScoreRow, ScoreSection
from keel.kpis.templatetags.kpis_tags import status_text


def missed_first(sections: list[ScoreSection]) -> list[ScoreSection]:
    """The teams that missed a target first (most misses first), then the rest in the
    scorecard's order (the company, then the teams by name)."""
    order = {id(s): n for n, s in enumerate(sections)}
    return sorted(sections, key=lambda s: (-s.missed, order[id(s)]))


def counts_line(scorecard: Scorecard) -> str:
    counts = scorecard.counts
    parts = [
        ngettext("%(count)d on target", "%(count)d on target", counts[figures.GREEN]),
        ngettext("%(count)d close", "%(count)d close", counts[figures.AMBER]),
        ngettext("%(count)d missed", "%(count)d missed", counts[figures.RED]),
    ]
    numbers = [counts[figures.GREEN], counts[figures.AMBER], counts[figures.RED]]
    if counts["none"]:
        parts.append(ngettext("%(count)d without a value or target",
                              "%(count)d without a value or target", counts["none"]))  # fmt: skip
        numbers.append(counts["none"])
    return " · ".join(p % {"count": n} for p, n in zip(parts, numbers, strict=True))


def row_line(row: ScoreRow) -> str:
    """ "Revenue — ¥312,000 / ¥350,000 · Missed" (value / target · status)."""
    cell = row.cell
    state = status_text(cell.status, has_value=cell.value is not None)
    return f"{row.kpi.name} — {cell.value_text} / {cell.target_text} · {state}"


def section_title(section: ScoreSection) -> str:
    if not section.missed:
        return section.title
    missed = ngettext("%(count)d missed", "%(count)d missed", section.missed)
    return f"{section.title} ({missed % {'count': section.missed}})"


def lines_for(scorecard: Scorecard, *, details: bool = False) -> list[str]:
    """The scorecard's lines: the month, the counts, then each team (those that missed
    first) with a line per KPI. `details` adds the month before and the commentary."""
    month = date_format(scorecard.month, "YEAR_MONTH_FORMAT")
    lines = [_("KPI scorecard · %(month)s") % {"month": month}, counts_line(scorecard)]
    before = _("month before: %(value)s")
    for section in missed_first(scorecard.sections):
        lines.append("")
        lines.append(section_title(section))
        for row in section.rows:
            lines.append(row_line(row))
            if details:
                if row.week_text:
                    lines.append("    " + row.week_text)
                lines.append("    " + before % {"value": row.previous.value_text})
                if row.cell.comment:
                    lines.append("    " + " ".join(row.cell.comment.split()))
    return lines


def scorecard_lines(workspace: Workspace, month: date, *, team: int | None = None) -> list[str]:
    """The month's scorecard (the company and every team, or one team: a department id) as
    plain lines in the active language, for a chat message. A fixed number of queries."""
    today = timezone.localdate(timezone=_zone(workspace))
    page = selectors.scorecard(workspace=workspace, month=figures.month_start(month),
                               today=today, department_id=team)  # fmt: skip
    return lines_for(page)


CHAT_ROWS_PER_TEAM = 10


def chat_scorecard(params: Mapping[str, Any]) -> Any:
    """The "kpis.scorecard" chat message, rendered when it is sent in the chat's language:
    the counts, then each team's KPIs off target (missed, then close). On-target KPIs stay
    on the scorecard page: a chat message is read on a phone."""
    from keel.notifications.chat_topics import ChatText

    workspace = Workspace.objects.get(pk=params["workspace_id"])
    month = date.fromisoformat(f"{params['month']}-01")
    today = timezone.localdate(timezone=_zone(workspace))
    card = selectors.scorecard(workspace=workspace, month=month, today=today)
    title = _("KPI scorecard · %(month)s") % {"month": date_format(month, "YEAR_MONTH_FORMAT")}
    lines = [counts_line(card)]
    for section in missed_first(card.sections):
        off = sorted((r for r in section.rows if r.cell.status in (figures.RED, figures.AMBER)),
                     key=lambda r: r.cell.status != figures.RED)  # fmt: skip
        if off:
            lines.append(section_title(section))
            lines += [f"· {row_line(row)}" for row in off[:CHAT_ROWS_PER_TEAM]]
    return ChatText(title, tuple(lines))
