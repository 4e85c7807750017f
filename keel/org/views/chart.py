"""The org chart page (today or the future as of a date) and its SVG and PDF exports.

Collapsing a branch is a plain link (`?collapsed=3,8`), so it works without JavaScript;
chart.js adds pan, zoom and search on top. Staff roles may view (`org.view`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from keel.core.audit import audit
from keel.core.models import Membership
from keel.core.permissions import require
from keel.core.services import AuditContext
from keel.org.chart import Chart, ChartNode, chart_for, chart_has_seats, default_future_date
from keel.org.chart_pdf import render_pdf
from keel.org.chart_svg import render_svg
from keel.org.layout import Placed

VIEW_PERM = "org.view"
MAX_COLLAPSED = 1000  # more ids than any chart has seats: the rest are ignored


def _actor(request: HttpRequest) -> Membership:
    membership: Membership = request.membership  # type: ignore[attr-defined]
    require(membership, VIEW_PERM)
    return membership


def _parse_as_of(request: HttpRequest) -> tuple[datetime.date | None, str, str]:
    """(date or None for today, the raw value, an error message)."""
    raw = request.GET.get("as_of", "").strip()
    if not raw:
        return None, "", ""
    try:
        return datetime.date.fromisoformat(raw), raw, ""
    except ValueError:
        return None, raw, _("Enter a date such as 2027-12-31.")


def _parse_collapsed(request: HttpRequest) -> frozenset[int]:
    ids: set[int] = set()
    for part in request.GET.get("collapsed", "").split(",")[:MAX_COLLAPSED]:
        part = part.strip()
        if part.isdigit() and len(part) < 12:
            ids.add(int(part))
    return frozenset(ids)


def _query(as_of: datetime.date | None, collapsed: Iterable[int]) -> str:
    params: dict[str, str] = {}
    if as_of is not None:
        params["as_of"] = as_of.isoformat()
    ids = sorted(collapsed)
    if ids:
        params["collapsed"] = ",".join(str(i) for i in ids)
    return urlencode(params, safe=",")


def _load(request: HttpRequest) -> tuple[Membership, Chart, str, str]:
    membership = _actor(request)
    as_of, raw, error = _parse_as_of(request)
    chart = chart_for(
        workspace=membership.workspace, as_of=as_of, collapsed=_parse_collapsed(request)
    )
    return membership, chart, raw, error


@login_required
def org_chart(request: HttpRequest, ws: str) -> HttpResponse:
    membership, chart, raw_as_of, as_of_error = _load(request)
    workspace = membership.workspace
    as_of, collapsed = chart.as_of, chart.collapsed

    def toggle_href(node: ChartNode, placed: Placed[int]) -> str:
        ids = collapsed - {node.id} if placed.collapsed else collapsed | {node.id}
        return f"?{_query(as_of, ids)}#oc-node-{node.id}"

    svg = "" if chart.is_empty else render_svg(chart, toggle_href=toggle_href)
    today = timezone.localdate()
    export_query = _query(as_of, collapsed)
    context = {
        "chart": chart,
        "chart_svg": mark_safe(svg),  # render_svg escapes every user string
        "outline_html": mark_safe(_outline_html(chart)),  # every user string escaped
        "has_any_seat": not chart.is_empty or chart_has_seats(workspace),
        "as_of_value": raw_as_of or default_future_date(today).isoformat(),
        "as_of_error": as_of_error,
        "export_query": f"?{export_query}" if export_query else "",
        "expand_all_query": f"?{_query(as_of, ())}" if collapsed else "",
        "today": today,
    }
    return render(request, "org/chart/page.html", context)


def _outline_html(chart: Chart) -> str:
    """The outline as nested <li>/<ul> markup (all text escaped).

    Built here rather than in a template loop: 300 items through the template engine cost
    ~25 ms, a third of the page's budget (bench/org.py).
    """
    out: list[str] = []
    for item in chart.outline():
        node = item.node
        title = escape(node.title)
        link = f'<a href="{escape(node.url)}">{title}</a>' if node.url else title
        holder_cls = ' class="oc-outline-placeholder"' if node.is_placeholder else ""
        out.append(
            f'<li id="oc-outline-{node.id}"><span class="oc-dot oc-dot-{node.colour}" '
            f'aria-hidden="true"></span>{link} — <span{holder_cls}>{escape(node.holder)}</span>'
        )
        if node.department:
            out.append(f' <span class="muted">· {escape(node.department)}</span>')
        for badge in node.badges:
            out.append(f' <span class="badge badge-{badge.tone}">{escape(badge.label)}</span>')
        if item.collapsed:
            hidden = ngettext(
                "(%(count)s seat hidden)", "(%(count)s seats hidden)", item.hidden
            ) % {"count": item.hidden}
            out.append(f' <span class="muted">{escape(hidden)}</span>')
        out.append("<ul>" if item.has_children else "</li>")
        out.append("</ul></li>" * len(item.closes))
    return "".join(out)


def _filename(chart: Chart, ext: str) -> str:
    when = chart.as_of.isoformat() if chart.as_of else "today"
    return f"org-chart-{chart.workspace.slug}-{when}.{ext}"


def _record_export(request: HttpRequest, chart: Chart, fmt: str) -> None:
    # Exports are on the record (DESIGN.md, security model), like the audit log's CSV.
    as_of = chart.as_of.isoformat() if chart.as_of else None
    audit(
        action="org.chart_exported", actor=request.user, workspace=chart.workspace,
        context=AuditContext.from_request(request),
        data={"format": fmt, "as_of": as_of, "seats": len(chart.nodes)},
    )  # fmt: skip


@login_required
def org_chart_svg(request: HttpRequest, ws: str) -> HttpResponse:
    _membership, chart, _raw, _error = _load(request)
    origin = f"{request.scheme}://{request.get_host()}"
    svg = render_svg(chart, standalone=True, link_base=origin)
    _record_export(request, chart, "svg")
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(chart, "svg")}"'
    return response


@login_required
def org_chart_pdf(request: HttpRequest, ws: str) -> HttpResponse:
    _membership, chart, _raw, _error = _load(request)
    language = translation.get_language() or ""
    if not language.startswith("zh"):  # Chinese seat names in an English UI: the company's
        language = chart.workspace.language
    pdf = render_pdf(chart, language=language)
    _record_export(request, chart, "pdf")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(chart, "pdf")}"'
    return response
