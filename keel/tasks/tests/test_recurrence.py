"""The pure recurrence engine: presets, validation, DST, month ends, descriptions."""

# ruff: noqa: DTZ001  (the engine works on naive local wall-clock times by design)

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from keel.tasks import recurrence as engine
from keel.tasks.recurrence import Preset


def _rule(text: str, start: datetime, tz: str = "UTC") -> engine.Rule:
    return engine.compile_rule(text, start, tz)


# --- Presets --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("preset", "kwargs", "expected"),
    [
        (Preset.DAILY, {}, "FREQ=DAILY"),
        (Preset.WEEKDAYS, {}, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        (Preset.WEEKLY, {"weekdays": ["we", "MO"]}, "FREQ=WEEKLY;BYDAY=MO,WE"),
        (Preset.MONTHLY_DAY, {"month_day": 15}, "FREQ=MONTHLY;BYMONTHDAY=15"),
        (Preset.MONTHLY_LAST_DAY, {}, "FREQ=MONTHLY;BYMONTHDAY=-1"),
        (Preset.MONTHLY_LAST_WEEKDAY, {"weekday": "FR"}, "FREQ=MONTHLY;BYDAY=-1FR"),
        (Preset.YEARLY, {}, "FREQ=YEARLY"),
        (Preset.WEEKLY, {"weekdays": ["MO"], "interval": 2}, "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"),
    ],
)
def test_presets_build_rrule_text(preset, kwargs, expected):
    assert engine.build_rrule(preset, **kwargs) == expected


def test_weekly_preset_without_days_names_the_field():
    with pytest.raises(ValidationError) as exc:
        engine.build_rrule(Preset.WEEKLY)
    assert "weekdays" in exc.value.message_dict


def test_monthly_day_out_of_range_is_refused():
    with pytest.raises(ValidationError) as exc:
        engine.build_rrule(Preset.MONTHLY_DAY, month_day=32)
    assert "month_day" in exc.value.message_dict


# --- Custom rules ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("FREQ=HOURLY", "too frequent"),
        ("FREQ=MINUTELY;INTERVAL=5", "too frequent"),
        ("FREQ=SECONDLY", "too frequent"),
        ("FREQ=DAILY;COUNT=5000", "1000 occurrences at most"),
        ("DTSTART:20260101T090000\nRRULE:FREQ=DAILY", "DTSTART"),
        ("FREQ=WEEKLY;BYDAY=XX", "BYDAY"),
        ("BYDAY=MO", "needs FREQ"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "never happens"),
        ("FREQ=DAILY;BYHOUR=9,17", "BYHOUR"),
        ("FREQ=DAILY;FOO=1", "Unknown rule part: FOO"),
        ("FREQ=DAILY;COUNT=3;UNTIL=20300101", "COUNT or UNTIL"),
        ("", "Write a repeat rule"),
        ("FREQ", "NAME=VALUE"),
    ],
)
def test_invalid_custom_rules_get_a_message_naming_the_problem(text, fragment):
    with pytest.raises(ValidationError) as exc:
        engine.normalize_rrule(text)
    messages = exc.value.message_dict["rrule"]
    assert any(fragment in m for m in messages), messages


def test_custom_rule_is_normalised():
    assert engine.normalize_rrule(" rrule:freq=monthly;byday=1mo ") == "FREQ=MONTHLY;BYDAY=1MO"
    assert engine.normalize_rrule("FREQ=DAILY;COUNT=1000") == "FREQ=DAILY;COUNT=1000"


# --- DST: wall-clock times stay put, offsets change -------------------------------------------


def test_weekly_monday_0900_new_york_across_both_2026_changes():
    rule = _rule("FREQ=WEEKLY;BYDAY=MO", datetime(2026, 3, 2, 9, 0), "America/New_York")
    local = engine.occurrences_between(rule, datetime(2026, 3, 1), datetime(2026, 11, 10))
    assert {d.time().isoformat() for d in local} == {"09:00:00"}
    utc = {d.date(): engine.localize(d, rule.tz) for d in local}
    assert utc[date(2026, 3, 2)] == datetime(2026, 3, 2, 14, 0, tzinfo=UTC)  # EST, -5
    assert utc[date(2026, 3, 9)] == datetime(2026, 3, 9, 13, 0, tzinfo=UTC)  # EDT, -4
    assert utc[date(2026, 10, 26)] == datetime(2026, 10, 26, 13, 0, tzinfo=UTC)
    assert utc[date(2026, 11, 2)] == datetime(2026, 11, 2, 14, 0, tzinfo=UTC)  # EST again


def test_daily_0900_berlin_across_2026_changes():
    rule = _rule("FREQ=DAILY", datetime(2026, 3, 28, 9, 0), "Europe/Berlin")
    before, after = engine.occurrences_between(
        rule, datetime(2026, 3, 28), datetime(2026, 3, 29, 23)
    )
    assert engine.localize(before, rule.tz) == datetime(2026, 3, 28, 8, 0, tzinfo=UTC)  # CET
    assert engine.localize(after, rule.tz) == datetime(2026, 3, 29, 7, 0, tzinfo=UTC)  # CEST
    autumn = engine.next_occurrence(rule, datetime(2026, 10, 25))
    assert autumn == datetime(2026, 10, 25, 9, 0)
    assert engine.localize(autumn, rule.tz) == datetime(2026, 10, 25, 8, 0, tzinfo=UTC)


def test_shanghai_has_no_dst_the_offset_never_changes():
    rule = _rule("FREQ=WEEKLY;BYDAY=MO", datetime(2026, 1, 5, 9, 0), "Asia/Shanghai")
    local = engine.occurrences_between(rule, datetime(2026, 1, 1), datetime(2026, 12, 31))
    assert len(local) == 52
    assert {engine.localize(d, rule.tz).hour for d in local} == {1}  # 09:00 +08:00


def test_nonexistent_local_time_moves_forward_by_the_gap():
    # 02:30 on 2026-03-08 does not exist in New York: it becomes 03:30 EDT (07:30 UTC).
    assert engine.localize(datetime(2026, 3, 8, 2, 30), "America/New_York") == datetime(
        2026, 3, 8, 7, 30, tzinfo=UTC
    )
    # Berlin 2026-03-29 02:30 → 03:30 CEST = 01:30 UTC.
    assert engine.localize(datetime(2026, 3, 29, 2, 30), "Europe/Berlin") == datetime(
        2026, 3, 29, 1, 30, tzinfo=UTC
    )


def test_ambiguous_local_time_takes_the_first_instant():
    # 01:30 on 2026-11-01 happens twice in New York; fold=0 is the daylight (EDT) one.
    assert engine.localize(datetime(2026, 11, 1, 1, 30), "America/New_York") == datetime(
        2026, 11, 1, 5, 30, tzinfo=UTC
    )
    assert engine.localize(datetime(2026, 10, 25, 2, 30), "Europe/Berlin") == datetime(
        2026, 10, 25, 0, 30, tzinfo=UTC
    )


def test_daily_0230_series_shifts_only_on_the_spring_forward_day():
    rule = _rule("FREQ=DAILY", datetime(2026, 3, 7, 2, 30), "America/New_York")
    days = engine.occurrences_between(rule, datetime(2026, 3, 7), datetime(2026, 3, 9, 23))
    local = [engine.localize(d, rule.tz).astimezone(engine.zone(rule.tz)) for d in days]
    assert [d.strftime("%m-%d %H:%M") for d in local] == [
        "03-07 02:30",
        "03-08 03:30",
        "03-09 02:30",
    ]


# --- Month ends and last weekdays ---------------------------------------------------------


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (datetime(2027, 2, 1), date(2027, 2, 26)),
        (datetime(2026, 5, 1), date(2026, 5, 29)),
        (datetime(2026, 7, 1), date(2026, 7, 31)),
        (datetime(2026, 2, 1), date(2026, 2, 27)),
    ],
)
def test_last_friday_of_the_month(after, expected):
    rule = _rule("FREQ=MONTHLY;BYDAY=-1FR", datetime(2026, 1, 1, 9, 0))
    assert engine.next_occurrence(rule, after).date() == expected


def test_monthly_day_31_skips_short_months_like_rfc_5545():
    rule = _rule("FREQ=MONTHLY;BYMONTHDAY=31", datetime(2026, 1, 31, 9, 0))
    dates = [
        d.date()
        for d in engine.occurrences_between(
            rule, datetime(2026, 1, 1), datetime(2026, 8, 31, 23, 59)
        )
    ]
    assert dates == [
        date(2026, 1, 31),
        date(2026, 3, 31),
        date(2026, 5, 31),
        date(2026, 7, 31),
        date(2026, 8, 31),
    ]


def test_last_day_of_the_month_covers_every_month():
    rule = _rule("FREQ=MONTHLY;BYMONTHDAY=-1", datetime(2026, 1, 1))
    dates = [
        d.date()
        for d in engine.occurrences_between(rule, datetime(2026, 1, 1), datetime(2026, 4, 30))
    ]
    assert dates == [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30)]
    leap = engine.next_occurrence(rule, datetime(2028, 2, 1))
    assert leap.date() == date(2028, 2, 29)


def test_after_completion_counts_from_the_completion_day():
    rule = _rule("FREQ=DAILY;INTERVAL=3", datetime(2026, 3, 2, 9, 0))
    assert engine.next_after_completion(rule, date(2026, 3, 10)) == datetime(2026, 3, 13, 9, 0)
    weekly = _rule("FREQ=WEEKLY;BYDAY=MO,WE", datetime(2026, 3, 2, 9, 0))
    assert engine.next_after_completion(weekly, date(2026, 3, 3)).date() == date(2026, 3, 4)
    assert engine.next_after_completion(weekly, date(2026, 3, 4)).date() == date(2026, 3, 9)


def test_occurrences_between_is_capped():
    rule = _rule("FREQ=DAILY", datetime(2026, 1, 1))
    found = engine.occurrences_between(rule, datetime(2026, 1, 1), datetime(2036, 1, 1))
    assert len(found) == engine.MAX_OCCURRENCES
    assert found[-1] - found[0] == timedelta(days=engine.MAX_OCCURRENCES - 1)


def test_until_in_utc_is_accepted_with_a_naive_start():
    rule = _rule("FREQ=DAILY;UNTIL=20260105T235959Z", datetime(2026, 1, 1, 9, 0))
    assert len(engine.occurrences_between(rule, datetime(2026, 1, 1), datetime(2026, 2, 1))) == 5


# --- Descriptions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "english", "simplified", "traditional"),
    [
        (
            "FREQ=WEEKLY;BYDAY=MO,WE",
            "Every week on Monday and Wednesday",
            "每周一、周三",
            "每週一、週三",
        ),
        ("FREQ=DAILY", "Every day", "每天", "每天"),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "Every weekday", "每个工作日", "每個工作日"),
        ("FREQ=MONTHLY;BYMONTHDAY=15", "Every month on the 15th", "每月15日", "每月15日"),
        (
            "FREQ=MONTHLY;BYMONTHDAY=-1",
            "Every month on the last day",
            "每月最后一天",
            "每月最後一天",
        ),
        (
            "FREQ=MONTHLY;BYDAY=-1FR",
            "Every month on the last Friday",
            "每月最后一个周五",
            "每月最後一個週五",
        ),
        ("FREQ=YEARLY", "Every year on March 2", "每年3月2日", "每年3月2日"),
        (
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO",
            "Every 2 weeks on Monday",
            "每2周的周一",
            "每2週的週一",
        ),
    ],
)
def test_descriptions_in_three_languages(text, english, simplified, traditional):
    start = datetime(2026, 3, 2, 9, 0)
    assert engine.describe(text, start, language="en") == english
    assert engine.describe(text, start, language="zh-hans") == simplified
    assert engine.describe(text, start, language="zh-hant") == traditional


def test_description_follows_the_active_language_and_shows_custom_rules():
    with translation.override("zh-hans"):
        assert engine.describe("FREQ=WEEKLY;BYDAY=MO,WE") == "每周一、周三"
    with translation.override("en"):
        assert engine.describe("FREQ=MONTHLY;BYDAY=1MO;BYMONTH=1") == (
            "Custom: FREQ=MONTHLY;BYDAY=1MO;BYMONTH=1"
        )


def test_unknown_time_zone_is_a_validation_error():
    with pytest.raises(ValidationError) as exc:
        engine.compile_rule("FREQ=DAILY", datetime(2026, 1, 1), "Mars/Olympus")
    assert "timezone" in exc.value.message_dict
