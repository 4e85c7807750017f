"""演示商店 (zh-hans): a Shenzhen cross-border shop; its overseas assistant keeps English."""

from __future__ import annotations

from keel.accounts.demo import DemoShop
from keel.core.models import Role

SHOP = DemoShop(
    slug="demo-zh",
    name="演示商店",
    domain="demo-zh.example",
    language="zh-hans",
    timezone="Asia/Shanghai",
    currency="CNY",
    week_start="monday",
    owner=("owner@demo-zh.example", "林伟", "创始人"),
    people=[
        ("zhang.min@demo-zh.example", "张敏", Role.MANAGER, "运营经理", "zh-hans"),
        ("chen.xiaowen@demo-zh.example", "陈晓雯", Role.MEMBER, "客服专员", "zh-hans"),
        ("wang.fang@demo-zh.example", "王芳", Role.MEMBER, "采购", "zh-hans"),
        ("jessica.miller@freelancehub.example", "Jessica Miller", Role.ASSISTANT,
         "Listing 助理（美国）", "en"),
    ],
    groups=[
        ("销售", "sales", "订单、客户和各平台店铺",
         ["owner@demo-zh.example", "chen.xiaowen@demo-zh.example"]),
        ("采购", "purchasing", "供应商和库存",
         ["zhang.min@demo-zh.example", "wang.fang@demo-zh.example"]),
        ("市场", "marketing", "推广活动和 Listing",
         ["owner@demo-zh.example", "chen.xiaowen@demo-zh.example",
          "jessica.miller@freelancehub.example"]),
    ],
    invitation=("li.na@demo-zh.example", Role.MEMBER),
)  # fmt: skip
