"""示範商店's vision (zh-hant): the English demo's goals, as a Taipei founder writes them
(revenue in New Taiwan dollars)."""

from __future__ import annotations

from keel.goals.demo import GoalsDemo
from keel.goals.models import MilestoneStatus

_ON, _RISK, _NOT = MilestoneStatus.ON_TRACK, MilestoneStatus.AT_RISK, MilestoneStatus.NOT_STARTED

CONTENT = GoalsDemo(
    statement="{year} 年前，成為三大平台上手工茶具的首選品牌，團隊不必每件事都等老闆決定。",
    goal_title="{year} 年前{title}",
    values=[
        ("顧客訊息一天內回覆", "用顧客的語言，在顧客下單的平台上回覆。"),
        ("寫下來，只寫一次", "只存在某個人腦袋裡的流程，遲早會失傳。"),
        ("職位上的事由職位決定", "誰坐這個位子就由誰決定；可以問老闆，但不用等老闆。"),
    ],
    goals=[
        (
            "達成年營收新台幣 5,000 萬元",
            "從目前約 1,200 萬元（主要來自 Amazon 美國站和蝦皮），成長到三個平台合計 5,000 萬元。",
            [
                (0, "營收 1,500 萬元，毛利率 35% 以上", _ON, "創辦人", []),
                (1, "營收 2,200 萬元；在歐洲找到第二個倉儲夥伴", _NOT, "營運經理",
                 ["營運經理"]),
                (2, "營收 3,000 萬元；批發給 20 家茶館", _NOT, "業務主管", ["業務主管"]),
                (3, "營收 4,000 萬元", _NOT, "創辦人", []),
                (5, "營收 5,000 萬元", _NOT, "創辦人", ["財務經理"]),
            ],
        ),
        (
            "在 Amazon、Shopify 和蝦皮經營自有品牌",
            "我們自己的手工茶具系列，用同一個品牌在三個平台上銷售。",
            [
                (0, "在美國、歐盟和台灣完成商標註冊", _RISK, "創辦人", []),
                (1, "自有品牌在 Amazon 美國站和日本站上架", _NOT, "行銷主管",
                 ["行銷主管", "商品頁助理"]),
                (2, "Shopify 官網回購率達到 30%", _NOT, "行銷主管", ["內容設計師"]),
                (3, "蝦皮商城旗艦店開幕", _NOT, "行銷主管", ["蝦皮店長"]),
            ],
        ),
        (
            "老闆每週花在營運上的時間不超過 20 小時",
            "公司靠職位和流程運作，而不是靠老闆的信箱和 LINE。",
            [
                (0, "每個例行任務都由職位負責，而不是某個人", _ON, "創辦人", []),
                (1, "營運經理到職，採購與物流交接完成", _NOT, "創辦人", ["營運經理"]),
                (2, "老闆不再處理客服與商品頁", _NOT, "營運經理", ["客服主管"]),
                (3, "放四週長假，公司都不用打電話找老闆", _NOT, "營運經理", []),
            ],
        ),
    ],
)  # fmt: skip
