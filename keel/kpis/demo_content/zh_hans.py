"""演示商店's KPIs (zh-hans): the English demo's KPIs, as a Shenzhen shop names them."""

from __future__ import annotations

from keel.kpis.demo import KpisDemo

CONTENT = KpisDemo(
    texts={
        "revenue": ("销售额", "各平台和独立站的销售额，未扣退款。"),
        "orders": ("订单量", "所有渠道的订单数，含批发。"),
        "aov": ("客单价", "销售额除以订单量，各渠道取平均。"),
        "margin": ("毛利率", "销售额扣除商品成本、平台佣金和运费后的占比。"),
        "amazon_us": ("亚马逊美国站销售额", "卖家后台美国站的已订购商品销售额。"),
        "refund_rate": ("退款率", "退款订单占订单总数的比例。"),
        "acos": ("ACoS", "亚马逊广告销售成本比：广告花费 ÷ 广告销售额。"),
        "sessions": ("亚马逊访问量", "我们 Listing 的访问次数（业务报告）。"),
        "shipped_24h": ("24 小时发货率", "国内订单在一天内发出的比例。"),
        "first_response": ("首次响应时长", "客户消息到第一次回复的小时数。"),
        "overdue": ("逾期任务", "由 Keel 计算：已过截止日仍未完成的任务。"),
        "participation": ("日报周报提交率", "由 Keel 计算：按时提交的日报和周报占比。"),
    },
    comments={
        "revenue": [(1, "十一月促销效果不错，天猫双十一超出计划。"),
                    (13, "青瓷茶具套装供应商延期交货，缺货约两周。")],
        "acos": [(0, "还是太高：广泛匹配的广告在无关词上花钱，本周先暂停。"),
                 (1, "市场主管岗位空缺，招到人之前由老板投放广告。")],
        "sessions": [(1, "茶具套装的主图还没重拍，转化率受影响。")],
        "refund_rate": [(2, "换了新内盒后，运输破损明显减少。")],
    },
)  # fmt: skip
