"""示範商店's org chart (zh-hant): the same seats as the English demo, as a Taipei shop puts
them; costs in New Taiwan dollars."""

from __future__ import annotations

from keel.org.demo import DemoSeat, OrgDemo
from keel.org.models import EmploymentType, SeatStatus

_FILLED, _OPEN, _PLANNED = SeatStatus.FILLED, SeatStatus.OPEN, SeatStatus.PLANNED
_STAFF, _ASSISTANT = EmploymentType.STAFF, EmploymentType.ASSISTANT
_OWNER = "owner@demo-zht.example"

CONTENT = OrgDemo(
    currency="TWD",
    to_hire="徵才中",
    seats=[
        DemoSeat("founder", "創辦人", "management", None, _OWNER, _FILLED, "", 0, _STAFF, "1",
                 150000, "訂方向，讓公司不必每件事都等老闆點頭也能順利運作。",
                 ["願景、目標與年度計畫", "招募與組織圖", "現金流與銀行往來"]),
        DemoSeat("sales", "業務主管", "sales", "founder", _OWNER, _FILLED, "", 0, _STAFF, "0.3",
                 0, "拉高 Amazon 美國站與日本站、Shopify 官網和蝦皮的營收，也經營批發通路。",
                 ["各平台定價與促銷檔期", "批發客戶", "每週業績報表"]),
        DemoSeat("bookkeeping", "記帳", "finance", "founder", _OWNER, _FILLED, "", 0, _STAFF,
                 "0.2", 0, "帳目清楚，準時付款。",
                 ["核對各平台撥款", "支付供應商貨款", "每兩個月申報營業稅"]),
        DemoSeat("logistics", "物流專員", "operations", "founder", _OWNER, _FILLED, "", 0,
                 _STAFF, "0.2", 0, "把貨送進海外倉，把訂單送到顧客手上。",
                 ["預約 FBA 入倉", "追蹤海運貨櫃", "核對倉儲合作夥伴的帳單"]),
        DemoSeat("purchasing", "採購主管", "purchasing", "founder", "wang.shufen@demo-zht.example",
                 _FILLED, "", 0, _STAFF, "1", 48000,
                 "用對的價格，向可靠的工廠買到對的貨。",
                 ["採購單與安全庫存", "供應商驗貨", "議定年度價格"]),
        DemoSeat("warehouse", "倉儲主管", "operations", "logistics",
                 "chang.yating@demo-zht.example", _FILLED, "", 0, _STAFF, "1", 42000,
                 "管好桃園倉庫：進貨、包裝、退貨。",
                 ["進貨點收", "國內訂單包裝出貨", "處理退貨"]),
        DemoSeat("marketing", "行銷主管", "marketing", "founder", None, _OPEN, "小周 — 徵才中",
                 0, _STAFF, "1", 65000, "在每個平台經營品牌、帶進流量。",
                 ["行銷檔期表", "廣告預算與 ACoS", "品牌旗艦店與社群帳號"]),
        DemoSeat("listing", "商品頁助理", "marketing", "marketing",
                 "ana.reyes@freelancehub.example", _FILLED, "", 0, _ASSISTANT, "0.5", 18000,
                 "讓 Amazon 商品頁正確、好搜尋、吸引人。",
                 ["更新 Amazon 商品頁（標題、五點描述、A+ 內容）", "每季做一次關鍵字研究",
                  "被下架的商品頁一天內修好"]),
        DemoSeat("service", "客服專員", "service", "founder", "chen.yijun@demo-zht.example",
                 _FILLED, "", 0, _STAFF, "1", 36000, "每位顧客都在一天內回覆，用顧客的語言。",
                 ["平台訊息與電子郵件", "退貨與退款", "追蹤評價"]),
        DemoSeat("operations", "營運經理", "operations", "founder", None, _PLANNED,
                 "營運經理 — 徵才中", 1, _STAFF, "1", 80000,
                 "把採購、物流和客服從老闆手上接過來。",
                 ["負責採購、物流與客服", "每週營運檢討", "撰寫並維護 SOP"]),
        DemoSeat("finance", "財務經理", "finance", "founder", None, _PLANNED, "徵才中", 3,
                 _STAFF, "1", 75000, "年營收突破新台幣 3,000 萬元後，由專人管帳。",
                 ["月報與現金流預估", "稅務與查帳", "依商品與平台計算毛利"]),
    ],
)  # fmt: skip
