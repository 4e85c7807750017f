"""Headcount plan page: seats and monthly cost per department, now and for five years."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from keel.core.permissions import require
from keel.org.headcount import headcount_plan


@login_required
def headcount(request: HttpRequest, ws: str) -> HttpResponse:
    actor = request.membership  # type: ignore[attr-defined]
    require(actor, "org.view")
    plan = headcount_plan(workspace=actor.workspace)
    return render(request, "org/headcount/plan.html", {"plan": plan})
