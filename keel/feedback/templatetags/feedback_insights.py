"""`{% feedback_team_summary membership as summary %}`: the figures of the feedback home
page's team block (partials/home_team.html), so that block needs nothing from its view."""

from __future__ import annotations

from typing import Any

from django import template

from keel.feedback.selectors.insights import TeamSummary, team_summary

register = template.Library()


@register.simple_tag
def feedback_team_summary(membership: Any) -> TeamSummary | None:
    if membership is None:
        return None
    return team_summary(viewer=membership)
