"""The recurrence engine: presets → RFC 5545 RRULE text, validation, occurrences, descriptions.

Pure functions, no ORM. Occurrences are computed on NAIVE wall-clock times in the series'
time zone and only then localised, so "Monday 09:00" stays 09:00 across daylight-saving
changes. A local time that does not exist (spring forward) moves forward by the gap; an
ambiguous one (fall back) takes the first of the two instants (fold=0).

Monthly "day N" follows RFC 5545: a month without day N (31 in April, 30 in February) has no
occurrence. Choose "last day of the month" (BYMONTHDAY=-1) for a month-end routine.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.rrule import rrule, rrulestr  # type: ignore[import-untyped]
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class Preset:
    DAILY = "daily"
    WEEKDAYS = "weekdays"
    WEEKLY = "weekly"
    MONTHLY_DAY = "monthly_day"
    MONTHLY_LAST_DAY = "monthly_last_day"
    MONTHLY_LAST_WEEKDAY = "monthly_last_weekday"
    YEARLY = "yearly"
    CUSTOM = "custom"

    ALL = (
        DAILY, WEEKDAYS, WEEKLY, MONTHLY_DAY, MONTHLY_LAST_DAY, MONTHLY_LAST_WEEKDAY, YEARLY,
        CUSTOM,
    )  # fmt: skip


WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MAX_COUNT = 1000
MAX_INTERVAL = 1000
MAX_RULE_LENGTH = 500
# A valid rule must happen at least once within this span after its start.
FIRST_OCCURRENCE_WITHIN = timedelta(days=366 * 10)
# Never produce more than this many occurrences from one call (calendar feeds, previews).
MAX_OCCURRENCES = 1000
# A series starts within these years: later dates leave no room to compute the next
# occurrence or to convert between zones before datetime's year 9999 ends.
FIRST_YEAR, LAST_YEAR = 1970, 2200
MAX_ZONE_NAME = 64  # the longest IANA name is 32 characters
# What dateutil raises on a rule it accepted but cannot iterate (BYDAY=99MO in a month) or
# on dates past year 9999: the rule is refused when saved, a stored one simply ends.
_ITERATION_ERRORS = (ValueError, TypeError, KeyError, IndexError, OverflowError)

_ALLOWED_PARTS = {
    "FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYYEARDAY",
    "BYWEEKNO", "BYSETPOS", "WKST",
}  # fmt: skip
_FREQS = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
_TOO_FREQUENT = {"SECONDLY", "MINUTELY", "HOURLY"}


def build_rrule(
    preset: str,
    *,
    weekdays: Iterable[str] = (),
    month_day: int | None = None,
    weekday: str | None = None,
    interval: int = 1,
    custom: str = "",
) -> str:
    """The RRULE text of a preset (without the "RRULE:" prefix). Raises ValidationError."""
    days = [d.upper() for d in weekdays]
    if any(d not in WEEKDAY_CODES for d in days):
        raise ValidationError({"weekdays": _("Choose days of the week from Monday to Sunday.")})
    days = [d for d in WEEKDAY_CODES if d in days]  # calendar order, no duplicates
    suffix = f";INTERVAL={interval}" if interval and interval > 1 else ""
    if interval < 1 or interval > MAX_INTERVAL:
        raise ValidationError({"interval": _("Repeat every 1 to 1000 periods.")})
    if preset == Preset.DAILY:
        return "FREQ=DAILY" + suffix
    if preset == Preset.WEEKDAYS:
        return "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" + suffix
    if preset == Preset.WEEKLY:
        if not days:
            raise ValidationError({"weekdays": _("Choose at least one day of the week.")})
        return f"FREQ=WEEKLY{suffix};BYDAY={','.join(days)}"
    if preset == Preset.MONTHLY_DAY:
        if month_day is None or not (1 <= month_day <= 31):
            raise ValidationError({"month_day": _("Choose a day of the month from 1 to 31.")})
        return f"FREQ=MONTHLY{suffix};BYMONTHDAY={month_day}"
    if preset == Preset.MONTHLY_LAST_DAY:
        return f"FREQ=MONTHLY{suffix};BYMONTHDAY=-1"
    if preset == Preset.MONTHLY_LAST_WEEKDAY:
        code = (weekday or (days[0] if days else "FR")).upper()
        if code not in WEEKDAY_CODES:
            raise ValidationError({"weekday": _("Choose a day of the week.")})
        return f"FREQ=MONTHLY{suffix};BYDAY=-1{code}"
    if preset == Preset.YEARLY:
        return "FREQ=YEARLY" + suffix
    if preset == Preset.CUSTOM:
        return normalize_rrule(custom)
    raise ValidationError({"preset": _("Choose how often the task repeats.")})


def _parts(text: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for chunk in text.split(";"):
        if not chunk:
            continue
        name, sep, value = chunk.partition("=")
        if not sep or not name or not value:
            raise ValidationError(
                {"rrule": _("“%(part)s” is not NAME=VALUE.") % {"part": chunk[:40]}}
            )
        if name in parts:
            raise ValidationError(
                {"rrule": _("%(name)s appears twice in the rule.") % {"name": name}}
            )
        parts[name] = value
    return parts


def normalize_rrule(text: str) -> str:
    """Check custom RRULE text and return it without prefix, upper-case. Raises ValidationError.

    Refused: DTSTART (the series owns its start), more than one line, FREQ finer than daily,
    BYHOUR/BYMINUTE/BYSECOND (one occurrence per day at most: the time is the series' start
    time), COUNT above 1000, and rules that never happen in the next ten years.
    """
    raw = " ".join((text or "").split()).strip()
    if not raw:
        raise ValidationError({"rrule": _("Write a repeat rule, e.g. FREQ=WEEKLY;BYDAY=MO,WE.")})
    if len(raw) > MAX_RULE_LENGTH:
        raise ValidationError({"rrule": _("The repeat rule is too long (500 characters at most).")})
    upper = raw.upper()
    if "DTSTART" in upper:
        raise ValidationError(
            {"rrule": _("Remove DTSTART from the rule: the start date and time are set below.")}
        )
    if upper.startswith("RRULE:"):
        upper = upper[len("RRULE:") :]
    if ":" in upper or "\n" in upper or " " in upper:
        raise ValidationError(
            {"rrule": _("Give one RRULE only (no EXDATE, RDATE or other lines).")}
        )
    parts = _parts(upper)
    unknown = sorted(set(parts) - _ALLOWED_PARTS - {"BYHOUR", "BYMINUTE", "BYSECOND"})
    if unknown:
        raise ValidationError(
            {"rrule": _("Unknown rule part: %(parts)s.") % {"parts": ", ".join(unknown)}}
        )
    freq = parts.get("FREQ")
    if freq is None:
        raise ValidationError(
            {"rrule": _("The rule needs FREQ (DAILY, WEEKLY, MONTHLY or YEARLY).")}
        )
    if freq in _TOO_FREQUENT:
        raise ValidationError(
            {
                "rrule": _("FREQ=%(freq)s is too frequent: tasks repeat daily at most.")
                % {"freq": freq}
            }
        )
    if freq not in _FREQS:
        raise ValidationError(
            {"rrule": _("FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY, not %(freq)s.")
             % {"freq": freq[:20]}}
        )  # fmt: skip
    timed = sorted({"BYHOUR", "BYMINUTE", "BYSECOND"} & set(parts))
    if timed:
        raise ValidationError(
            {"rrule": _("Remove %(parts)s: a task repeats at most once a day, at the start time.")
             % {"parts": ", ".join(timed)}}
        )  # fmt: skip
    if "COUNT" in parts:
        if not parts["COUNT"].isdigit() or int(parts["COUNT"]) < 1:
            raise ValidationError({"rrule": _("COUNT must be a whole number from 1 to 1000.")})
        if int(parts["COUNT"]) > MAX_COUNT:
            raise ValidationError(
                {"rrule": _("COUNT=%(count)s is too many: 1000 occurrences at most.")
                 % {"count": parts["COUNT"]}}
            )  # fmt: skip
        if "UNTIL" in parts:
            raise ValidationError({"rrule": _("Use COUNT or UNTIL, not both.")})
    if "UNTIL" in parts and not (
        parts["UNTIL"][:4].isdigit() and int(parts["UNTIL"][:4]) <= LAST_YEAR
    ):
        raise ValidationError(
            {"rrule": _("UNTIL must be a date no later than %(year)d.") % {"year": LAST_YEAR}}
        )
    if "INTERVAL" in parts and (
        not parts["INTERVAL"].isdigit() or not 1 <= int(parts["INTERVAL"]) <= MAX_INTERVAL
    ):
        raise ValidationError({"rrule": _("INTERVAL must be a whole number from 1 to 1000.")})
    ordered = ["FREQ"] + [name for name in parts if name != "FREQ"]
    normal = ";".join(f"{name}={parts[name]}" for name in ordered)
    # Let dateutil check the values (BYDAY=XX, BYMONTHDAY=40, a bad UNTIL…).
    start = datetime(2026, 1, 1, 9, 0)  # noqa: DTZ001 - the engine works on naive local times
    try:
        rule = _rrule(normal, start)
        happens = rule_happens(rule, start)
    except _ITERATION_ERRORS as error:
        raise ValidationError(
            {"rrule": _("The repeat rule is not valid: %(error)s") % {"error": str(error)[:120]}}
        ) from error
    if not happens:
        raise ValidationError({"rrule": _("This rule never happens in the next ten years.")})
    return normal


def rule_happens(rule: rrule, start: datetime) -> bool:
    # `between` stops at its end bound, so an impossible rule cannot loop for long.
    return bool(rule.between(start, start + FIRST_OCCURRENCE_WITHIN, inc=True, count=1))


def _until_naive(value: str) -> str:
    """UNTIL in UTC ("…Z") cannot be compared with a naive start: keep its wall-clock value.

    Off by the zone's offset at most, which for a day-granular series only matters on the last
    day; documented rather than carrying a second time zone through the engine.
    """
    return value[:-1] if value.endswith("Z") else value


def _rrule(text: str, dtstart: datetime, *, drop_count: bool = False) -> rrule:
    parts = _parts(text)
    if "UNTIL" in parts:
        parts["UNTIL"] = _until_naive(parts["UNTIL"])
    if drop_count:
        parts.pop("COUNT", None)
    body = ";".join(f"{k}={v}" for k, v in parts.items())
    return rrulestr(body, dtstart=dtstart, cache=False)


# --- Back to a preset ---------------------------------------------------------------------


def same_rule(a: str, b: str) -> bool:
    """Two stored rules mean the same thing: the same parts, whatever their order."""
    try:
        return _parts(a.upper().removeprefix("RRULE:")) == _parts(b.upper().removeprefix("RRULE:"))
    except ValidationError:
        return a == b


def preset_fields(text: str) -> dict[str, object]:
    """The preset inputs that build `text` again, for an edit form; else the custom rule.

    A rule counts as a preset only when `build_rrule` gives back the same parts, so opening
    the edit form and saving it unchanged never alters the rule. Returns the keys preset,
    weekdays, month_day, weekday, interval and rrule (the text, for a custom rule only).
    """
    custom: dict[str, object] = {
        "preset": Preset.CUSTOM, "weekdays": [], "month_day": None, "weekday": "FR",
        "interval": 1, "rrule": text,
    }  # fmt: skip
    try:
        parts = _parts(text.upper().removeprefix("RRULE:"))
    except ValidationError:
        return custom
    raw_interval = parts.get("INTERVAL", "1")
    if not raw_interval.isdigit() or not 1 <= int(raw_interval) <= MAX_INTERVAL:
        return custom
    interval = int(raw_interval)
    freq, byday, bymonthday = parts.get("FREQ"), parts.get("BYDAY", ""), parts.get("BYMONTHDAY", "")
    weekdays: list[str] = []
    month_day: int | None = None
    weekday = "FR"
    if freq == "DAILY":
        preset = Preset.DAILY
    elif freq == "YEARLY":
        preset = Preset.YEARLY
    elif freq == "WEEKLY" and byday == "MO,TU,WE,TH,FR":
        preset = Preset.WEEKDAYS
    elif freq == "WEEKLY" and byday:
        preset, weekdays = Preset.WEEKLY, byday.split(",")
    elif freq == "MONTHLY" and bymonthday == "-1":
        preset = Preset.MONTHLY_LAST_DAY
    elif freq == "MONTHLY" and bymonthday.isdigit():
        preset, month_day = Preset.MONTHLY_DAY, int(bymonthday)
    elif freq == "MONTHLY" and len(byday) == 4 and byday.startswith("-1"):
        preset, weekday = Preset.MONTHLY_LAST_WEEKDAY, byday[2:]
    else:
        return custom
    try:
        rebuilt = build_rrule(
            preset, weekdays=weekdays, month_day=month_day, weekday=weekday, interval=interval
        )
    except ValidationError:
        return custom
    if not same_rule(rebuilt, text):
        return custom
    return {
        "preset": preset, "weekdays": weekdays, "month_day": month_day, "weekday": weekday,
        "interval": interval, "rrule": "",
    }  # fmt: skip


# --- Time zones ----------------------------------------------------------------------------


def zone(name: str) -> ZoneInfo:
    """The IANA zone `name`, or ValidationError on "timezone" (unknown, too long — the file
    system refuses the path with OSError —, or not a name at all)."""

    def error() -> ValidationError:  # built only when needed: pages call this per series
        message = _("“%(zone)s” is not a known time zone.") % {"zone": name[:MAX_ZONE_NAME]}
        return ValidationError({"timezone": message})

    if not name or len(name) > MAX_ZONE_NAME:
        raise error()
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise error() from exc


def check_start(start: datetime | date, field: str = "dtstart_local") -> None:
    """A series' first date lies within FIRST_YEAR..LAST_YEAR. Raises ValidationError."""
    if not FIRST_YEAR <= start.year <= LAST_YEAR:
        raise ValidationError(
            {field: _("Choose a first date between %(first)d and %(last)d.")
             % {"first": FIRST_YEAR, "last": LAST_YEAR}}
        )  # fmt: skip


def localize(naive: datetime, tz_name: str) -> datetime:
    """The instant a local wall-clock time names, as an aware datetime in UTC.

    With fold=0 zoneinfo maps a time in a spring-forward gap with the offset before the gap,
    which is exactly "shift forward by the gap" (02:30 → 03:30 in New York), and an ambiguous
    fall-back time to its first (daylight) instant.
    """
    return naive.replace(tzinfo=zone(tz_name), fold=0).astimezone(UTC)


# --- Occurrences ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """A compiled series: RRULE text, first local start (naive) and time zone."""

    text: str
    dtstart: datetime
    tz: str

    def compiled(self, *, dtstart: datetime | None = None, drop_count: bool = False) -> rrule:
        return _rrule(self.text, dtstart or self.dtstart, drop_count=drop_count)


def compile_rule(text: str, dtstart_local: datetime, tz: str) -> Rule:
    if dtstart_local.tzinfo is not None:
        raise ValueError("dtstart_local must be naive local wall-clock time.")
    zone(tz)
    return Rule(text=text, dtstart=dtstart_local.replace(second=0, microsecond=0), tz=tz)


def next_occurrence(
    rule: Rule, after_local: datetime, *, inclusive: bool = False
) -> datetime | None:
    """The first local occurrence after `after_local` (naive), or None when the series ended."""
    try:
        found: datetime | None = rule.compiled().after(after_local, inc=inclusive)
    except _ITERATION_ERRORS:
        return None
    return found


def next_after_completion(rule: Rule, completed_on: date) -> datetime | None:
    """ "Repeat after completion": the next occurrence counted from the completion day.

    The rule restarts on the completion day at the series' time of day, so FREQ=DAILY;
    INTERVAL=3 gives completion + 3 days and BYDAY=MO,WE gives the next Monday or Wednesday
    after it. COUNT is enforced by the caller (it counts the series' occurrences); UNTIL holds.
    """
    restart = datetime.combine(completed_on, rule.dtstart.time())
    restart = max(restart, rule.dtstart)
    try:
        found: datetime | None = rule.compiled(dtstart=restart, drop_count=True).after(
            datetime.combine(completed_on, time.max), inc=False
        )
    except _ITERATION_ERRORS:
        return None
    return found


def occurrences_between(rule: Rule, start: datetime, end: datetime) -> list[datetime]:
    """Local occurrences with start <= t <= end (naive), at most MAX_OCCURRENCES."""
    found: list[datetime] = []
    try:
        for occurrence in rule.compiled().xafter(start, count=MAX_OCCURRENCES, inc=True):
            if occurrence > end:
                break
            found.append(occurrence)
    except _ITERATION_ERRORS:
        pass  # the rule ends where dateutil can go no further (see _ITERATION_ERRORS)
    return found


def count_limit(text: str) -> int | None:
    value = _parts(text).get("COUNT")
    return int(value) if value else None


# Descriptions live in recurrence_text.py; `describe` is re-exported for existing callers.
from keel.tasks.recurrence_text import describe as describe  # noqa: E402
