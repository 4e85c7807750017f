"""A form's submitted reports as a CSV download, filtered by the privacy rules
(keel/feedback/selectors/export.py): the builder page's "Export answers" link."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from keel.core.middleware import request_membership
from keel.core.permissions import require
from keel.core.services import AuditContext, audit_event
from keel.feedback import selectors
from keel.feedback.selectors.export import export_lines


@login_required
@require_GET
def reports_export(request: HttpRequest, ws: str, form_id: int) -> StreamingHttpResponse:
    actor = request_membership(request)
    require(actor, "feedback.view")
    form = selectors.get_form_for(actor, form_id)
    audit_event(actor, "feedback.reports_exported", form, AuditContext.from_request(request))
    response = StreamingHttpResponse(
        export_lines(viewer=actor, form=form), content_type="text/csv; charset=utf-8"
    )
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="reports-{form.pk}-{day}.csv"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
