"""示範商店's KPIs (zh-hant): the English demo's KPIs, as a Taipei shop names them."""

from __future__ import annotations

from keel.kpis.demo import KpisDemo

CONTENT = KpisDemo(
    texts={
        "revenue": ("營業額", "各平台與官網的營業額，未扣除退款。"),
        "orders": ("訂單數", "所有通路的訂單數，含批發。"),
        "aov": ("客單價", "營業額除以訂單數，各通路取平均。"),
        "margin": ("毛利率", "營業額扣除商品成本、平台手續費與運費後的比例。"),
        "amazon_us": ("亞馬遜美國站營業額", "賣家平台美國站的已訂購商品銷售額。"),
        "refund_rate": ("退款率", "退款訂單占訂單總數的比例。"),
        "acos": ("ACoS", "亞馬遜廣告銷售成本比：廣告花費 ÷ 廣告銷售額。"),
        "sessions": ("亞馬遜瀏覽量", "我們商品頁的工作階段數（業務報告）。"),
        "shipped_24h": ("24 小時出貨率", "國內訂單在一天內出貨的比例。"),
        "first_response": ("首次回覆時間", "從客戶來訊到第一次回覆的小時數。"),
        "overdue": ("逾期任務", "由 Keel 計算：已過到期日仍未完成的任務。"),
        "participation": ("日報週報繳交率", "由 Keel 計算：準時繳交的日報與週報比例。"),
    },
    comments={
        "revenue": [(1, "十一月促銷成效不錯，雙十一檔期超出計畫。"),
                    (13, "青瓷茶具組的供應商延遲交貨，缺貨約兩週。")],
        "acos": [(0, "還是太高：廣泛比對的廣告在無關關鍵字上花錢，本週先暫停。"),
                 (1, "行銷主管職缺仍空著，找到人之前由老闆投放廣告。")],
        "sessions": [(1, "茶具組的主圖還沒重拍，轉換率受到影響。")],
        "refund_rate": [(2, "換了新的內盒後，運送破損明顯減少。")],
    },
)  # fmt: skip
