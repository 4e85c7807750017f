"""Time-zone selects show readable, translated labels; their values stay IANA names.

One choices function (keel.ui.timezones) serves every zone field: workspace settings and
sign-up, the profile, recurring tasks. In Chinese the common zones read "(UTC+08:00) 上海 —
Asia/Shanghai"; the rest of the IANA list follows with offset labels.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

import pytest
from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from keel.accounts.forms import ProfileForm, WorkspaceForm, WorkspaceSettingsForm
from keel.tasks.forms.planning import RecurrenceForm
from keel.ui.timezones import COMMON_ZONES, timezone_choices, timezone_label, utc_offset

WINTER = dt.datetime(2026, 1, 15, 12, tzinfo=dt.UTC)
SUMMER = dt.datetime(2026, 7, 15, 12, tzinfo=dt.UTC)
SHANGHAI = {
    "en": "(UTC+08:00) Shanghai — Asia/Shanghai",
    "zh-hans": "(UTC+08:00) 上海 — Asia/Shanghai",
    "zh-hant": "(UTC+08:00) 上海 — Asia/Shanghai",
}
LONDON = {"en": "London", "zh-hans": "伦敦", "zh-hant": "倫敦"}


def _flat(choices) -> dict[str, str]:
    flat: dict[str, str] = {}
    for value, label in choices:
        if isinstance(label, list | tuple):
            flat.update({str(v): str(lab) for v, lab in label})
        else:
            flat[str(value)] = str(label)
    return flat


def test_offsets_follow_daylight_saving_time():
    assert utc_offset("Europe/Berlin", WINTER) == "+01:00"
    assert utc_offset("Europe/Berlin", SUMMER) == "+02:00"
    assert utc_offset("Asia/Kolkata", WINTER) == "+05:30"
    assert utc_offset("America/New_York", WINTER) == "-05:00"
    assert timezone_label("Africa/Addis_Ababa", at=WINTER) == "(UTC+03:00) Africa/Addis Ababa"


def test_every_iana_zone_is_offered_once_common_ones_first():
    choices: Any = timezone_choices()
    (_common_label, common), (_all_label, rest) = choices
    values = [v for v, _ in common] + [v for v, _ in rest]
    assert len(values) == len(set(values))
    assert set(values) == zoneinfo.available_timezones() | {"UTC"}
    assert {v for v, _ in common} == {name for name, _city in COMMON_ZONES}
    assert 55 <= len(common) <= 80


@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_labels_are_readable_in_every_language(language):
    with translation.override(language):
        labels = _flat(timezone_choices())
    assert labels["Asia/Shanghai"] == SHANGHAI[language]
    assert LONDON[language] in labels["Europe/London"]
    assert labels["Europe/London"].endswith("— Europe/London")
    assert all(label.startswith("(UTC") for label in labels.values())


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_every_zone_field_uses_the_shared_choices(language, owner, workspace):
    from keel.tasks.models import Project

    project = Project.objects.create(workspace=workspace, name="Ops", key="OPS")
    with translation.override(language):
        expected = _flat(timezone_choices())
        fields: list[forms.Field] = [
            WorkspaceForm().fields["timezone"],
            WorkspaceSettingsForm(workspace=workspace).fields["timezone"],
            ProfileForm().fields["timezone"],
            RecurrenceForm(project=project).fields["timezone"],
        ]
        for field in fields:
            assert isinstance(field, forms.ChoiceField)
            offered = _flat(field.choices)
            offered.pop("", None)  # the profile's "Same as the workspace"
            assert offered == expected


@pytest.mark.django_db
def test_settings_page_shows_chinese_labels_and_saves_the_iana_name(login, owner, workspace):
    client = login(owner)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    url = reverse("workspace_settings", kwargs={"ws": workspace.slug})
    html = client.get(url).content.decode()
    assert '<optgroup label="常用时区">' in html
    assert ">(UTC+08:00) 上海 — Asia/Shanghai</option>" in html
    form = {
        "name": workspace.name, "email_domain": workspace.email_domain, "language": "zh-hans",
        "timezone": "Asia/Taipei", "week_start": "monday", "currency": "CNY",
    }  # fmt: skip
    assert client.post(url, form).status_code == 302
    workspace.refresh_from_db()
    assert workspace.timezone == "Asia/Taipei"
