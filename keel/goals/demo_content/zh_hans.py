"""演示商店's vision (zh-hans): the English demo's goals, as a Shenzhen founder writes them."""

from __future__ import annotations

from keel.goals.demo import GoalsDemo
from keel.goals.models import MilestoneStatus

_ON, _RISK, _NOT = MilestoneStatus.ON_TRACK, MilestoneStatus.AT_RISK, MilestoneStatus.NOT_STARTED

CONTENT = GoalsDemo(
    statement="到 {year} 年，成为三大平台上手工茶具的首选店铺，团队不用事事等老板拍板。",
    goal_title="{year} 年前{title}",
    values=[
        ("客户消息一天内必回", "用客户的语言，在客户下单的平台上回复。"),
        ("写下来，只写一次", "只存在某个人脑子里的流程，迟早会丢。"),
        ("岗位上的事岗位定", "谁在这个岗位上谁拍板；有事可以问老板，但不用等老板。"),
    ],
    goals=[
        (
            "实现年营收 1000 万元",
            "从现在约 240 万元（主要来自亚马逊美国站和天猫），做到三个平台合计 1000 万元。",
            [
                (0, "营收 300 万元，毛利率 35% 以上", _ON, "创始人", []),
                (1, "营收 450 万元；在欧洲找到第二家海外仓", _NOT, "运营经理", ["运营经理"]),
                (2, "营收 600 万元；批发给 20 家茶馆", _NOT, "销售负责人", ["销售负责人"]),
                (3, "营收 800 万元", _NOT, "创始人", []),
                (5, "营收 1000 万元", _NOT, "创始人", ["财务经理"]),
            ],
        ),
        (
            "在亚马逊、Shopify 和天猫上做起自有品牌",
            "自有的手工茶具系列，用同一个品牌在三个平台上卖。",
            [
                (0, "在美国、欧盟和中国完成商标注册", _RISK, "创始人", []),
                (1, "自有品牌在亚马逊美国站和欧洲站上线", _NOT, "市场主管",
                 ["市场主管", "Listing 助理"]),
                (2, "Shopify 独立站复购率达到 30%", _NOT, "市场主管", ["内容设计"]),
                (3, "天猫旗舰店开业", _NOT, "市场主管", ["天猫店长"]),
            ],
        ),
        (
            "老板每周花在运营上的时间不超过 20 小时",
            "店铺靠岗位和流程运转，而不是靠老板的邮箱和微信。",
            [
                (0, "每个周期性任务都由岗位负责，而不是某个人", _ON, "创始人", []),
                (1, "招到运营经理，采购和物流交接完毕", _NOT, "创始人", ["运营经理"]),
                (2, "老板不再管客服和 Listing", _NOT, "运营经理", ["客服主管"]),
                (3, "休假四周，没人打电话找老板", _NOT, "运营经理", []),
            ],
        ),
    ],
)  # fmt: skip
