"""`{% feedback_signal_items rows ack next failed failed_form show_person %}`: the items of
partials/signal_list.html, written in Python (one per open signal, each with its
acknowledgement form). The team, signals and person pages list up to a hundred of them, and
a Django template costs about half a millisecond per item (docs/architecture.md, "Busy rows
are rendered in Python"). The markup is the partial's former loop body, element for element.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from keel.feedback.selectors.insights import SignalRow
from keel.ui.rows import id_url

register = template.Library()


def _day(moment: Any) -> str:
    """As `|date:"DATE_FORMAT"` does: the date in the reader's time zone."""
    return date_format(timezone.localtime(moment), "DATE_FORMAT")


def _errors(form: Any, signal_id: int) -> tuple[SafeString, SafeString]:
    """(the note input's extra attributes, the error paragraphs) for a refused form."""
    if form is None:
        return mark_safe(""), mark_safe("")
    value = form["note"].value() or ""
    attrs = format_html(
        ' value="{}" aria-invalid="true" aria-describedby="note-{}-error"', value, signal_id
    )
    field_errors = format_html_join(
        "", '<p class="field-error" id="note-{}-error">{}</p>',
        ((signal_id, e) for e in form["note"].errors),
    )  # fmt: skip
    other = format_html_join(
        "", '<p class="field-error">{}</p>', ((e,) for e in form.non_field_errors())
    )
    return attrs, mark_safe(field_errors + other)


@register.simple_tag(takes_context=True)
def feedback_signal_items(
    context: Any, rows: list[SignalRow], ack: bool = False, next_url: str = "",
    failed: int | None = None, failed_form: Any = None, show_person: bool = False,
) -> SafeString:  # fmt: skip
    request = context["request"]
    ws = request.workspace.slug
    person_url = id_url("feedback_person", ws, "member_id")
    ack_url = id_url("feedback_signal_acknowledge", ws, "signal_id")
    token = get_token(request) if ack else ""
    someone = gettext("Someone")
    placeholder = gettext("e.g. Talked on Tuesday")
    items = []
    for row in rows:
        signal = row.signal
        tone = "grey" if signal.acknowledged_at else "amber"
        head = format_html(
            '<span class="badge badge-{}">{}</span>', tone, signal.get_kind_display()
        )
        if show_person:
            head += format_html(
                ' <a href="{}">{}</a>', person_url(signal.subject_id),
                row.name,
            )  # fmt: skip
        since = gettext("since %(when)s") % {"when": _day(signal.detected_at)}
        head += format_html(' <span class="muted small">{}</span>', since)
        body = format_html('<p class="signal-explanation">{}</p>', row.explanation)
        if signal.acknowledged_at:
            who = signal.acknowledged_by.user.display_name if signal.acknowledged_by else someone
            text = gettext("Acknowledged by %(name)s on %(when)s") % {
                "name": who, "when": _day(signal.acknowledged_at),
            }  # fmt: skip
            if signal.note:
                text += f": {signal.note}"
            body += format_html('<p class="muted small">{}</p>', text)
        if ack and not signal.cleared_at:
            mine = failed == signal.pk
            attrs, errors = _errors(failed_form if mine else None, signal.pk)
            label = (
                gettext("Update the note") if signal.acknowledged_at else gettext("Note (optional)")
            )
            button = gettext("Save note") if signal.acknowledged_at else gettext("Acknowledge")
            body += format_html(
                '<form class="signal-ack" method="post" action="{}" novalidate>'
                '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
                '<input type="hidden" name="next" value="{}#signal-{}">'
                '<div class="field"><label for="note-{}">{}</label>'
                '<input type="text" id="note-{}" name="note" maxlength="500" placeholder="{}"{}>'
                "{}</div>"
                '<button type="submit" class="btn btn-secondary btn-sm">{}'
                '<span class="visually-hidden"> · {}</span></button></form>',
                ack_url(signal.pk), token, next_url, signal.pk,
                signal.pk, label, signal.pk, placeholder, attrs, errors, button, row.name,
            )  # fmt: skip
        items.append(
            format_html(
                '<li id="signal-{}"><div class="row">{}</div>{}</li>', signal.pk, head, body
            )
        )
    return mark_safe("".join(items))
