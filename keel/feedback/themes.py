"""A team's themes: the most frequent meaningful words in its answers (pure: no database).

Words come from the search app's segmentation (keel.search.text.tokens: Chinese cut by
jieba, Traditional folded to Simplified, English lower-cased and de-pluralised), minus a
small stop-word list in both languages. Each answer counts a word once, so one long answer
cannot make a theme alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from keel.search.text import tokens

MIN_ANSWERS = 2  # a theme is a word found in at least two answers
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

STOP_WORDS = frozenset(
    """
    a about after again all also am an and any are as at back be because been before being
    but by can could did do does doing done don down for from get got had has have having he
    her here him his how i if im in into is it its just last like lot made make me more most
    much my need next no not now of off on one only or other our out over really same see she
    so some still than that the their them then there these they thing this those through to
    today too up us very was way we week well went were what when where which while who will
    with would yesterday yet you your day ve ll re didn doesn isn wasn won
    的 了 是 我 你 他 她 它 们 我们 你们 他们 在 和 与 也 就 都 有 没 没有 不 这 那 这个 那个
    一个 一些 今天 昨天 明天 本周 这周 上周 下周 还 又 很 太 吧 吗 呢 啊 着 过 被 把 给 对 从
    到 让 可以 可能 因为 所以 但是 然后 还是 已经 一直 现在 自己 什么 怎么 需要 一下 比较 主要
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def _meaningful(word: str) -> bool:
    if word in STOP_WORDS or word.isdigit():
        return False
    if _CJK.search(word):
        return len(word) >= 2
    return len(word) >= 3


def themes(answers: Iterable[str], *, limit: int = 12) -> list[tuple[str, int]]:
    """(word, number of answers it appears in), most frequent first, ties alphabetical."""
    counts: Counter[str] = Counter()
    for text in answers:
        counts.update({word for word in tokens(text) if _meaningful(word)})
    ranked = sorted(
        ((word, n) for word, n in counts.items() if n >= MIN_ANSWERS), key=lambda p: (-p[1], p[0])
    )
    return ranked[:limit]
