"""演示商店's org chart (zh-hans): the English demo's seats, in a Shenzhen shop's words."""

from __future__ import annotations

from keel.org.demo import DemoSeat, OrgDemo
from keel.org.models import EmploymentType, SeatStatus

_FILLED, _OPEN, _PLANNED = SeatStatus.FILLED, SeatStatus.OPEN, SeatStatus.PLANNED
_STAFF, _ASSISTANT = EmploymentType.STAFF, EmploymentType.ASSISTANT
_OWNER = "owner@demo-zh.example"

CONTENT = OrgDemo(
    currency="CNY",
    to_hire="待招聘",
    seats=[
        DemoSeat("founder", "创始人", "management", None, _OWNER, _FILLED, "", 0, _STAFF, "1",
                 30000, "定方向，让店铺不用事事等老板拍板也能正常运转。",
                 ["愿景、目标和年度计划", "招聘和组织架构", "现金流和银行"]),
        DemoSeat("sales", "销售负责人", "sales", "founder", _OWNER, _FILLED, "", 0, _STAFF,
                 "0.3", 0, "做大亚马逊美国站、欧洲站和天猫的销售，以及批发业务。",
                 ["各平台定价和促销活动", "批发客户", "每周销售周报"]),
        DemoSeat("bookkeeping", "记账", "finance", "founder", _OWNER, _FILLED, "", 0, _STAFF,
                 "0.2", 0, "账目清楚，按时付款。",
                 ["核对各平台回款", "支付供应商货款", "每月增值税和纳税申报"]),
        DemoSeat("logistics", "物流专员", "operations", "founder", _OWNER, _FILLED, "", 0,
                 _STAFF, "0.2", 0, "把货送进海外仓，把订单送到客户手里。",
                 ["预约 FBA 入仓", "跟踪海运柜", "核对海外仓账单"]),
        DemoSeat("purchasing", "采购主管", "purchasing", "founder", "wang.fang@demo-zh.example",
                 _FILLED, "", 0, _STAFF, "1", 12000,
                 "以合适的价格，从靠谱的工厂买到合适的货。",
                 ["采购单和补货点", "供应商验货", "谈年度价格"]),
        DemoSeat("warehouse", "仓库主管", "operations", "logistics", "zhang.min@demo-zh.example",
                 _FILLED, "", 0, _STAFF, "1", 11000, "管好深圳仓：收货、打包、退货。",
                 ["到货收货清点", "国内订单打包发货", "处理退货"]),
        DemoSeat("marketing", "市场主管", "marketing", "founder", None, _OPEN, "小周 — 待招聘",
                 0, _STAFF, "1", 15000, "在每个平台上做品牌、拉流量。",
                 ["营销日历", "广告预算和 ACoS", "品牌旗舰店和社媒账号"]),
        DemoSeat("listing", "Listing 助理", "marketing", "marketing",
                 "jessica.miller@freelancehub.example", _FILLED, "", 0, _ASSISTANT, "0.5", 4000,
                 "让亚马逊 Listing 准确、好搜、有吸引力。",
                 ["更新亚马逊 Listing（标题、五点描述、A+ 页面）", "每季度做一次关键词调研",
                  "被屏蔽的 Listing 一天内修复"]),
        DemoSeat("service", "客服专员", "service", "founder", "chen.xiaowen@demo-zh.example",
                 _FILLED, "", 0, _STAFF, "1", 8000, "每位客户一天内答复，用客户的语言。",
                 ["平台站内信和邮件", "退货退款", "跟进评价"]),
        DemoSeat("operations", "运营经理", "operations", "founder", None, _PLANNED,
                 "运营经理 — 待招聘", 1, _STAFF, "1", 20000,
                 "把采购、物流和客服从老板手里接过来。",
                 ["负责采购、物流和客服", "每周运营复盘", "编写并维护 SOP"]),
        DemoSeat("finance", "财务经理", "finance", "founder", None, _PLANNED, "待招聘", 3,
                 _STAFF, "1", 18000, "年营收过 600 万元后，由专人管账。",
                 ["月度报表和现金流预测", "税务和审计", "按产品和平台算毛利"]),
    ],
)  # fmt: skip
