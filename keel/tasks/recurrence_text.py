"""Rules in words: "Every week on Monday and Wednesday" / "每周一、周三" / "每週一、週三".

Pure functions over RRULE text (keel.tasks.recurrence parses it); the task pages, the API,
offboarding and the feedback app's meeting series describe their schedules with `describe`.
"""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import get_language

from keel.tasks.recurrence import WEEKDAY_CODES, _parts

_EN_DAYS = {
    "MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday", "FR": "Friday",
    "SA": "Saturday", "SU": "Sunday",
}  # fmt: skip
_ZH_DAYS = {"MO": "一", "TU": "二", "WE": "三", "TH": "四", "FR": "五", "SA": "六", "SU": "日"}
_EN_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last", -2: "second-to-last"}
_ZH_ORDINALS = {
    1: "第一个",
    2: "第二个",
    3: "第三个",
    4: "第四个",
    -1: "最后一个",
    -2: "倒数第二个",
}
_TO_TRADITIONAL = str.maketrans({"个": "個", "周": "週", "后": "後", "数": "數"})
_EN_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def _en_join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _en_ordinal_day(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _split_byday(value: str) -> tuple[int | None, str] | None:
    code = value[-2:]
    prefix = value[:-2]
    if code not in WEEKDAY_CODES:
        return None
    if not prefix:
        return None, code
    try:
        return int(prefix), code
    except ValueError:
        return None


def describe(text: str, dtstart_local: datetime | None = None, *, language: str = "") -> str:
    """A short human description of a rule in the active (or given) language.

    Presets read naturally ("Every week on Monday and Wednesday" / "每周一、周三"); any other
    rule shows as "Custom: <RRULE>" so nothing is hidden.
    """
    lang = (language or get_language() or "en").lower()
    chinese = lang.startswith("zh")
    traditional = chinese and ("hant" in lang or lang in {"zh-tw", "zh-hk", "zh-mo"})
    try:
        parts = _parts(text.upper().removeprefix("RRULE:"))
    except ValidationError:
        parts = {}
    freq = parts.get("FREQ", "")
    interval = int(parts.get("INTERVAL", "1") or 1)
    extra = set(parts) - {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "WKST"}
    byday = [b for b in parts.get("BYDAY", "").split(",") if b]
    bymonthday = parts.get("BYMONTHDAY", "")
    result = None
    if not extra:
        result = (_describe_zh if chinese else _describe_en)(
            freq, interval, byday, bymonthday, dtstart_local
        )
    if result is None:
        label = ("自訂" if traditional else "自定义") + "：" if chinese else "Custom: "
        return label + text
    if traditional:
        result = result.translate(_TO_TRADITIONAL)
    return result


def _describe_en(
    freq: str, interval: int, byday: list[str], bymonthday: str, start: datetime | None
) -> str | None:
    unit = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}.get(freq)
    if unit is None:
        return None
    every = f"Every {unit}" if interval == 1 else f"Every {interval} {unit}s"
    if freq == "DAILY" and not byday and not bymonthday:
        return every
    if freq == "WEEKLY" and byday and not bymonthday:
        if any(len(b) != 2 or b not in WEEKDAY_CODES for b in byday):
            return None
        if interval == 1 and byday == ["MO", "TU", "WE", "TH", "FR"]:
            return "Every weekday"
        return f"{every} on {_en_join([_EN_DAYS[b] for b in byday])}"
    if freq == "WEEKLY" and not byday and not bymonthday and start is not None:
        return f"{every} on {_EN_DAYS[WEEKDAY_CODES[start.weekday()]]}"
    if freq == "MONTHLY" and bymonthday and not byday:
        days = bymonthday.split(",")
        if days == ["-1"]:
            return f"{every} on the last day"
        if all(d.isdigit() for d in days):
            return f"{every} on the {_en_join([_en_ordinal_day(int(d)) for d in days])}"
        return None
    if freq == "MONTHLY" and len(byday) == 1 and not bymonthday:
        split = _split_byday(byday[0])
        if split is None or split[0] not in _EN_ORDINALS:
            return None
        return f"{every} on the {_EN_ORDINALS[split[0]]} {_EN_DAYS[split[1]]}"
    if freq == "MONTHLY" and not byday and not bymonthday and start is not None:
        return f"{every} on the {_en_ordinal_day(start.day)}"
    if freq == "YEARLY" and not byday and not bymonthday:
        if start is None:
            return every
        return f"{every} on {_EN_MONTHS[start.month - 1]} {start.day}"
    return None


def _describe_zh(
    freq: str, interval: int, byday: list[str], bymonthday: str, start: datetime | None
) -> str | None:
    unit = {"DAILY": "天", "WEEKLY": "周", "MONTHLY": "月", "YEARLY": "年"}.get(freq)
    if unit is None:
        return None
    counted = {"天": "天", "周": "周", "月": "个月", "年": "年"}[unit]
    every = f"每{unit}" if interval == 1 else f"每{interval}{counted}"
    week_prefix = "" if interval == 1 else "的"
    if freq == "DAILY" and not byday and not bymonthday:
        return every
    if freq == "WEEKLY" and byday and not bymonthday:
        if any(len(b) != 2 or b not in WEEKDAY_CODES for b in byday):
            return None
        if interval == 1 and byday == ["MO", "TU", "WE", "TH", "FR"]:
            return "每个工作日"
        days = "、".join("周" + _ZH_DAYS[b] for b in byday)
        if interval == 1:  # "每周一、周三"
            return "每" + days
        return f"{every}{week_prefix}{days}"
    if freq == "WEEKLY" and not byday and not bymonthday and start is not None:
        day = "周" + _ZH_DAYS[WEEKDAY_CODES[start.weekday()]]
        return "每" + day if interval == 1 else f"{every}的{day}"
    if freq == "MONTHLY" and bymonthday and not byday:
        month_days = bymonthday.split(",")
        if month_days == ["-1"]:
            return f"{every}最后一天"
        if all(d.isdigit() for d in month_days):
            return every + "、".join(f"{int(d)}日" for d in month_days)
        return None
    if freq == "MONTHLY" and len(byday) == 1 and not bymonthday:
        split = _split_byday(byday[0])
        if split is None or split[0] not in _ZH_ORDINALS:
            return None
        return f"{every}{_ZH_ORDINALS[split[0]]}周{_ZH_DAYS[split[1]]}"
    if freq == "MONTHLY" and not byday and not bymonthday and start is not None:
        return f"{every}{start.day}日"
    if freq == "YEARLY" and not byday and not bymonthday:
        if start is None:
            return every
        return f"{every}{start.month}月{start.day}日"
    return None
