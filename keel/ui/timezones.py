"""The choices of every time-zone select: readable, translated labels; IANA names as values.

A raw list of 600 IANA names ("Asia/Shanghai") means little to someone reading Chinese. The
select shows the zones most shops use first, each as "(UTC+08:00) 上海 — Asia/Shanghai" with
the city translated in the gettext catalogues, then every other IANA zone with its offset.
The offset is today's (it moves with daylight saving time). Every form that asks for a zone
uses `timezone_choices` (workspace settings and sign-up, profile, recurring tasks).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from functools import lru_cache

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

Choices = list[tuple[str, str] | tuple[str, list[tuple[str, str]]]]


# The common zones (shown east to west by today's offset; ties keep this order). Each city is
# written out as a literal pgettext_lazy call so `makemessages` finds it.
COMMON_ZONES: list[tuple[str, Promise]] = [
    ("Pacific/Auckland", pgettext_lazy("time zone city", "Auckland")),
    ("Australia/Sydney", pgettext_lazy("time zone city", "Sydney")),
    ("Australia/Melbourne", pgettext_lazy("time zone city", "Melbourne")),
    ("Australia/Brisbane", pgettext_lazy("time zone city", "Brisbane")),
    ("Australia/Adelaide", pgettext_lazy("time zone city", "Adelaide")),
    ("Asia/Tokyo", pgettext_lazy("time zone city", "Tokyo")),
    ("Asia/Seoul", pgettext_lazy("time zone city", "Seoul")),
    ("Asia/Shanghai", pgettext_lazy("time zone city", "Shanghai")),
    ("Asia/Hong_Kong", pgettext_lazy("time zone city", "Hong Kong")),
    ("Asia/Macau", pgettext_lazy("time zone city", "Macau")),
    ("Asia/Taipei", pgettext_lazy("time zone city", "Taipei")),
    ("Asia/Singapore", pgettext_lazy("time zone city", "Singapore")),
    ("Asia/Kuala_Lumpur", pgettext_lazy("time zone city", "Kuala Lumpur")),
    ("Asia/Manila", pgettext_lazy("time zone city", "Manila")),
    ("Australia/Perth", pgettext_lazy("time zone city", "Perth")),
    ("Asia/Bangkok", pgettext_lazy("time zone city", "Bangkok")),
    ("Asia/Ho_Chi_Minh", pgettext_lazy("time zone city", "Ho Chi Minh City")),
    ("Asia/Jakarta", pgettext_lazy("time zone city", "Jakarta")),
    ("Asia/Yangon", pgettext_lazy("time zone city", "Yangon")),
    ("Asia/Dhaka", pgettext_lazy("time zone city", "Dhaka")),
    ("Asia/Kathmandu", pgettext_lazy("time zone city", "Kathmandu")),
    ("Asia/Kolkata", pgettext_lazy("time zone city", "Kolkata")),
    ("Asia/Karachi", pgettext_lazy("time zone city", "Karachi")),
    ("Asia/Tashkent", pgettext_lazy("time zone city", "Tashkent")),
    ("Asia/Dubai", pgettext_lazy("time zone city", "Dubai")),
    ("Asia/Tehran", pgettext_lazy("time zone city", "Tehran")),
    ("Europe/Moscow", pgettext_lazy("time zone city", "Moscow")),
    ("Europe/Istanbul", pgettext_lazy("time zone city", "Istanbul")),
    ("Asia/Riyadh", pgettext_lazy("time zone city", "Riyadh")),
    ("Africa/Nairobi", pgettext_lazy("time zone city", "Nairobi")),
    ("Asia/Jerusalem", pgettext_lazy("time zone city", "Jerusalem")),
    ("Africa/Cairo", pgettext_lazy("time zone city", "Cairo")),
    ("Africa/Johannesburg", pgettext_lazy("time zone city", "Johannesburg")),
    ("Europe/Athens", pgettext_lazy("time zone city", "Athens")),
    ("Europe/Helsinki", pgettext_lazy("time zone city", "Helsinki")),
    ("Europe/Kyiv", pgettext_lazy("time zone city", "Kyiv")),
    ("Europe/Berlin", pgettext_lazy("time zone city", "Berlin")),
    ("Europe/Paris", pgettext_lazy("time zone city", "Paris")),
    ("Europe/Madrid", pgettext_lazy("time zone city", "Madrid")),
    ("Europe/Rome", pgettext_lazy("time zone city", "Rome")),
    ("Europe/Amsterdam", pgettext_lazy("time zone city", "Amsterdam")),
    ("Europe/Brussels", pgettext_lazy("time zone city", "Brussels")),
    ("Europe/Zurich", pgettext_lazy("time zone city", "Zurich")),
    ("Europe/Vienna", pgettext_lazy("time zone city", "Vienna")),
    ("Europe/Prague", pgettext_lazy("time zone city", "Prague")),
    ("Europe/Warsaw", pgettext_lazy("time zone city", "Warsaw")),
    ("Europe/Stockholm", pgettext_lazy("time zone city", "Stockholm")),
    ("Africa/Lagos", pgettext_lazy("time zone city", "Lagos")),
    ("Europe/London", pgettext_lazy("time zone city", "London")),
    ("Europe/Dublin", pgettext_lazy("time zone city", "Dublin")),
    ("Europe/Lisbon", pgettext_lazy("time zone city", "Lisbon")),
    ("Africa/Casablanca", pgettext_lazy("time zone city", "Casablanca")),
    ("UTC", _("Coordinated Universal Time")),
    ("America/Sao_Paulo", pgettext_lazy("time zone city", "São Paulo")),
    ("America/Argentina/Buenos_Aires", pgettext_lazy("time zone city", "Buenos Aires")),
    ("America/Santiago", pgettext_lazy("time zone city", "Santiago")),
    ("America/New_York", pgettext_lazy("time zone city", "New York")),
    ("America/Toronto", pgettext_lazy("time zone city", "Toronto")),
    ("America/Bogota", pgettext_lazy("time zone city", "Bogotá")),
    ("America/Lima", pgettext_lazy("time zone city", "Lima")),
    ("America/Chicago", pgettext_lazy("time zone city", "Chicago")),
    ("America/Mexico_City", pgettext_lazy("time zone city", "Mexico City")),
    ("America/Denver", pgettext_lazy("time zone city", "Denver")),
    ("America/Phoenix", pgettext_lazy("time zone city", "Phoenix")),
    ("America/Los_Angeles", pgettext_lazy("time zone city", "Los Angeles")),
    ("America/Vancouver", pgettext_lazy("time zone city", "Vancouver")),
    ("America/Anchorage", pgettext_lazy("time zone city", "Anchorage")),
    ("Pacific/Honolulu", pgettext_lazy("time zone city", "Honolulu")),
]


def _offset_minutes(name: str, at: dt.datetime) -> int:
    offset = at.astimezone(zoneinfo.ZoneInfo(name)).utcoffset() or dt.timedelta(0)
    return int(offset.total_seconds()) // 60


def utc_offset(name: str, at: dt.datetime | None = None) -> str:
    """The zone's offset from UTC at `at` (now by default), as "+08:00"."""
    minutes = _offset_minutes(name, at or timezone.now())
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"


def city_name(zone_name: str) -> str:
    """The zone's city in the active language ("Asia/Shanghai" → "上海" in Chinese), or
    the last part of the IANA name for a zone outside the common list ("America/Boise" →
    "Boise")."""
    for name, city in COMMON_ZONES:
        if name == zone_name:
            return str(city)
    return zone_name.rsplit("/", 1)[-1].replace("_", " ")


def timezone_label(name: str, city: str = "", at: dt.datetime | None = None) -> str:
    """The option's text: "(UTC+08:00) 上海 — Asia/Shanghai"; without a city "(UTC+01:00)
    Africa/Algiers" (an IANA name needs no translation: the glossary keeps it in Latin)."""
    offset = f"(UTC{utc_offset(name, at)})"
    if city:
        return f"{offset} {city} — {name}"
    return f"{offset} {name.replace('_', ' ')}"


@lru_cache(maxsize=16)
def _choices(language: str, day: dt.date) -> tuple[tuple[str, str], ...]:
    # Keyed by language (the cities' words) and day (the offsets move with DST twice a year).
    at = dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)
    # East to west by today's offset (stable, so the list's own order breaks ties).
    by_offset = sorted(COMMON_ZONES, key=lambda zone: -_offset_minutes(zone[0], at))
    return tuple((name, timezone_label(name, str(city), at)) for name, city in by_offset)


@lru_cache(maxsize=4)
def _other_choices(day: dt.date) -> tuple[tuple[str, str], ...]:
    at = dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)
    common = {name for name, _city in COMMON_ZONES}
    rest = sorted(zoneinfo.available_timezones() - common)
    return tuple((name, timezone_label(name, at=at)) for name in rest)


def timezone_choices() -> Choices:
    """Every IANA zone for a select, in two groups: the common ones, then all the others.

    Labels are in the active language; values are IANA names, as the services store them.
    """
    day = timezone.now().date()
    return [
        (str(_("Common time zones")), list(_choices(get_language() or "en", day))),
        (str(_("All time zones")), list(_other_choices(day))),
    ]
