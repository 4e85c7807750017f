"""The scorecard page's "Send scorecard now" (managers): POST only, one service call."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from keel.core.middleware import request_membership
from keel.core.permissions import require
from keel.core.services import AuditContext
from keel.kpis.services.scorecard_mail import scorecard_send_now
from keel.kpis.views.kpis import parse_month


@login_required
@require_POST
def send_scorecard(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request_membership(request)
    require(actor, "kpis.manage")
    month = parse_month(request.POST.get("month"))
    back = reverse("kpis_scorecard", kwargs={"ws": ws})
    if month is None:
        messages.error(request, _("Choose one of the last 24 months."))
        return redirect(back)
    try:
        send = scorecard_send_now(actor=actor, month=month,
                                  context=AuditContext.from_request(request))  # fmt: skip
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        text = _(
            "The scorecard for %(month)s is on its way to everyone who can see KPIs and "
            "has not turned that email off."
        )
        messages.success(request, text % {"month": date_format(send.month, "YEAR_MONTH_FORMAT")})
    return redirect(f"{back}?month={month:%Y-%m}")
