"""示範商店 (zh-hant): a Taipei cross-border shop; its overseas assistant keeps English."""

from __future__ import annotations

from keel.accounts.demo import DemoShop
from keel.core.models import Role

SHOP = DemoShop(
    slug="demo-zht",
    name="示範商店",
    domain="demo-zht.example",
    language="zh-hant",
    timezone="Asia/Taipei",
    currency="TWD",
    week_start="sunday",  # Taiwan's calendars start on Sunday (CLDR zh_Hant_TW)
    owner=("owner@demo-zht.example", "林志偉", "創辦人"),
    people=[
        ("chang.yating@demo-zht.example", "張雅婷", Role.MANAGER, "營運經理", "zh-hant"),
        ("chen.yijun@demo-zht.example", "陳怡君", Role.MEMBER, "客服專員", "zh-hant"),
        ("wang.shufen@demo-zht.example", "王淑芬", Role.MEMBER, "採購", "zh-hant"),
        ("ana.reyes@freelancehub.example", "Ana Reyes", Role.ASSISTANT,
         "商品頁助理（菲律賓）", "en"),
    ],
    groups=[
        ("業務", "sales", "訂單、客戶與各平台賣場",
         ["owner@demo-zht.example", "chen.yijun@demo-zht.example"]),
        ("採購", "purchasing", "供應商與庫存",
         ["chang.yating@demo-zht.example", "wang.shufen@demo-zht.example"]),
        ("行銷", "marketing", "活動企劃與商品頁",
         ["owner@demo-zht.example", "chen.yijun@demo-zht.example",
          "ana.reyes@freelancehub.example"]),
    ],
    invitation=("lin.peiyu@demo-zht.example", Role.MEMBER),
)  # fmt: skip
