"""示範店鋪的密碼庫（繁體中文）：分類、項目名稱與備註。密碼在產生示範資料時隨機產生。"""

from keel.vault.demo import DemoItem, VaultDemo
from keel.vault.models import Kind

CONTENT = VaultDemo(
    categories={"marketplaces": "電商平台", "suppliers": "供應商", "advertising": "廣告投放",
                "logistics": "物流", "finance": "財務"},
    items=[
        DemoItem("amazon", "亞馬遜賣家中心（美國站）", Kind.LOGIN, "marketplaces",
                 ["https://sellercentral.amazon.com"], "seller@demo-shop.example", ["亞馬遜"],
                 notes="兩步驟驗證碼會傳到創辦人的手機。",
                 custom=[("賣家編號", "A1DEMO0FAKE2ID", False)]),
        DemoItem("shopify", "Shopify 後台", Kind.LOGIN, "marketplaces",
                 ["https://demo-shop.myshopify.com/admin"], "owner@demo-shop.example", ["官網"]),
        DemoItem("shopify_api", "Shopify 後台 API 權杖（庫存同步）", Kind.API_KEY, "marketplaces",
                 username="庫存同步應用程式", tags=["官網", "串接"],
                 notes="庫存同步腳本在用；換了權杖記得回來這裡更新。"),
        DemoItem("1688", "1688 採購帳號", Kind.LOGIN, "suppliers",
                 ["https://login.1688.com"], "demo_shop_buyer", ["採購"],
                 custom=[("支付密碼", "", True)]),
        DemoItem("packaging", "寧波包材供應商平台", Kind.LOGIN, "suppliers",
                 ["https://portal.nb-packaging.example"], "orders@demo-shop.example", ["採購"],
                 notes="每月 20 號前下紙箱訂單，下個月到貨。"),
        DemoItem("amazon_ads", "亞馬遜廣告後台", Kind.LOGIN, "advertising",
                 ["https://advertising.amazon.com"], "ads@demo-shop.example", ["亞馬遜"]),
        DemoItem("google_ads", "Google 廣告", Kind.LOGIN, "advertising",
                 ["https://ads.google.com"], "marketing@demo-shop.example", ["官網"]),
        DemoItem("dhl", "DHL 快遞（MyDHL+）", Kind.LOGIN, "logistics",
                 ["https://mydhl.express.dhl"], "shipping@demo-shop.example", ["出貨"],
                 custom=[("月結帳號", "960000000", False)]),
        DemoItem("4px", "遞四方海外倉後台", Kind.LOGIN, "logistics",
                 ["https://b.4px.com"], "DEMOSHOP01", ["出貨"]),
        DemoItem("alarm", "倉庫保全與 Wi-Fi", Kind.NOTE, "logistics", tags=["辦公室"],
                 notes="保全密碼：{pin}\nWi-Fi：DemoShop-Store / {word}"),
        DemoItem("bank", "企業網路銀行", Kind.LOGIN, "finance",
                 ["https://online.bank.example"], "DEMO-SHOP-LTD", ["銀行"]),
        DemoItem("card", "公司信用卡（廣告與樣品）", Kind.CARD, "finance", tags=["銀行"],
                 holder="DEMO SHOP LTD", notes="每月額度 2 萬。開新的訂閱前先問創辦人。"),
    ],
)  # fmt: skip
