"""Money reads "30,000" in every language; Chinese dates keep Django's 年月日 format."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation


@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_amounts_are_grouped_by_thousands(language):
    template = Template('{{ amount|floatformat:"0g" }}')
    with translation.override(language):
        assert template.render(Context({"amount": 30000})) == "30,000"


def test_chinese_dates_stay_in_the_chinese_format():
    template = Template('{{ day|date:"DATE_FORMAT" }}')
    with translation.override("zh-hans"):
        assert template.render(Context({"day": datetime.date(2026, 11, 25)})) == "2026年11月25日"
