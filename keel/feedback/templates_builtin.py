"""The built-in report forms (Daily report, Weekly report) and the Monthly review agenda, in
English, Simplified and Traditional Chinese.

A form made from a template is written in the language its maker chooses (by default their
own): the questions are the team's own words from then on, edited like any other, so they
are stored as text, not as translation keys. Pure data; `form_create` and the demo read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time

LANGUAGES = ("en", "zh-hans", "zh-hant")


@dataclass(frozen=True)
class QuestionTemplate:
    kind: str  # models.QuestionKind
    prompt: str
    help: str = ""
    required: bool = True
    visibility: str = "managers"  # models.AnswerVisibility
    measure: str = ""  # models.Measure
    prefill: str = ""  # models.Prefill


@dataclass(frozen=True)
class FormTemplate:
    key: str
    title: str
    intro: str
    frequency: str
    weekdays: tuple[str, ...]
    due_time: time
    questions: tuple[QuestionTemplate, ...] = field(default_factory=tuple)


Q = QuestionTemplate
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR")

_DAILY = {
    "en": FormTemplate(
        "daily", "Daily report",
        "Two minutes at the end of your day: what you did, what's in your way, how you feel.",
        "daily", WEEKDAYS, time(17, 30),
        (
            Q("long_text", "What did I do today?", "Keep, edit or remove the tasks you "
              "completed; add anything else.", visibility="team", prefill="completed_tasks"),
            Q("long_text", "What's blocking me?", "Anything you are waiting for or stuck on.",
              required=False, visibility="team"),
            Q("mood", "How do I feel today?", "Only your manager and the owner see this.",
              measure="mood"),
        ),
    ),
    "zh-hans": FormTemplate(
        "daily", "日报",
        "下班前花两分钟：今天做了什么，卡在哪里，心情怎么样。",
        "daily", WEEKDAYS, time(17, 30),
        (
            Q("long_text", "今天做了什么？", "已完成的任务已列出，可保留、修改或删除，"
              "也可以补充其他工作。", visibility="team", prefill="completed_tasks"),
            Q("long_text", "遇到了什么阻碍？", "在等什么、卡在哪里，都可以写。",
              required=False, visibility="team"),
            Q("mood", "今天心情怎么样？", "只有你的上级和老板能看到。", measure="mood"),
        ),
    ),
    "zh-hant": FormTemplate(
        "daily", "日報",
        "下班前花兩分鐘：今天做了什麼、卡在哪裡、心情如何。",
        "daily", WEEKDAYS, time(17, 30),
        (
            Q("long_text", "今天做了什麼？", "已完成的任務已列出，可保留、修改或刪除，"
              "也可以補充其他工作。", visibility="team", prefill="completed_tasks"),
            Q("long_text", "遇到了什麼阻礙？", "在等什麼、卡在哪裡，都可以寫。",
              required=False, visibility="team"),
            Q("mood", "今天心情如何？", "只有你的主管和老闆看得到。", measure="mood"),
        ),
    ),
}  # fmt: skip

_WEEKLY = {
    "en": FormTemplate(
        "weekly", "Weekly report",
        "Your week in five questions. Friday afternoon is a good time.",
        "weekly", ("FR",), time(16, 0),
        (
            Q("long_text", "Wins this week", "What went well? The tasks you completed are "
              "listed: keep, edit or remove them.", visibility="team",
              prefill="completed_tasks"),
            Q("long_text", "Challenges", "What was hard or didn't go to plan?",
              visibility="team"),
            Q("long_text", "What I need from my manager", required=False),
            Q("scale", "Workload this week", "1 = too little to do, 3 = about right, "
              "5 = far too much.", measure="workload"),
            Q("long_text", "Anything bothering you?", "Only your manager and the owner see "
              "this.", required=False),
            Q("mood", "How was your week?", measure="mood"),
        ),
    ),
    "zh-hans": FormTemplate(
        "weekly", "周报",
        "用五个问题回顾这一周，周五下午写最合适。",
        "weekly", ("FR",), time(16, 0),
        (
            Q("long_text", "本周亮点", "哪些事做得好？已完成的任务已列出，可保留、修改或删除。",
              visibility="team", prefill="completed_tasks"),
            Q("long_text", "本周挑战", "哪些事有难度，或没有按计划进行？", visibility="team"),
            Q("long_text", "需要上级提供的支持", required=False),
            Q("scale", "本周工作量", "1 = 事情太少，3 = 刚好，5 = 远超负荷。",
              measure="workload"),
            Q("long_text", "有什么让你困扰的事吗？", "只有你的上级和老板能看到。",
              required=False),
            Q("mood", "这一周过得怎么样？", measure="mood"),
        ),
    ),
    "zh-hant": FormTemplate(
        "weekly", "週報",
        "用五個問題回顧這一週，週五下午寫最合適。",
        "weekly", ("FR",), time(16, 0),
        (
            Q("long_text", "本週亮點", "哪些事做得好？已完成的任務已列出，可保留、修改或刪除。",
              visibility="team", prefill="completed_tasks"),
            Q("long_text", "本週挑戰", "哪些事有難度，或沒有照計畫進行？", visibility="team"),
            Q("long_text", "需要主管提供的支援", required=False),
            Q("scale", "本週工作量", "1 = 事情太少，3 = 剛好，5 = 遠超負荷。",
              measure="workload"),
            Q("long_text", "有什麼讓你困擾的事嗎？", "只有你的主管和老闆看得到。",
              required=False),
            Q("mood", "這一週過得如何？", measure="mood"),
        ),
    ),
}  # fmt: skip

FORM_TEMPLATES: dict[str, dict[str, FormTemplate]] = {"daily": _DAILY, "weekly": _WEEKLY}

# The Monthly review's standing agenda: copied onto each meeting of a "review" series.
_MONTHLY_REVIEW_AGENDA = {
    "en": (
        "Last month's numbers against target",
        "Wins and lessons of the month",
        "Open action items from last month",
        "Flagged report answers and team mood",
        "Priorities and owners for next month",
    ),
    "zh-hans": (
        "上月数据与目标对比",
        "本月的成绩与教训",
        "上月未完成的行动项",
        "被标记的汇报内容与团队状态",
        "下月重点及负责人",
    ),
    "zh-hant": (
        "上月數據與目標對比",
        "本月的成果與教訓",
        "上月未完成的行動項目",
        "被標記的回報內容與團隊狀態",
        "下月重點及負責人",
    ),
}


def _language(language: str) -> str:
    """The template language nearest to a Django language code ("zh-hans", "zh-Hant", "en-us")."""
    code = (language or "en").lower().replace("_", "-")
    if code.startswith("zh"):
        return "zh-hant" if code in ("zh-hant", "zh-tw", "zh-hk", "zh-mo") else "zh-hans"
    return "en"


def form_template(key: str, language: str) -> FormTemplate:
    """The built-in form `key` ("daily", "weekly") in `language`. KeyError for another key."""
    return FORM_TEMPLATES[key][_language(language)]


def monthly_review_agenda(language: str) -> tuple[str, ...]:
    """The Monthly review's standing agenda items in `language`."""
    return _MONTHLY_REVIEW_AGENDA[_language(language)]
