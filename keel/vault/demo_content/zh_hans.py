"""演示店铺的密码库（简体中文）：分类、条目名称和备注。密码在生成演示数据时随机生成。"""

from keel.vault.demo import DemoItem, VaultDemo
from keel.vault.models import Kind

CONTENT = VaultDemo(
    categories={"marketplaces": "电商平台", "suppliers": "供应商", "advertising": "广告投放",
                "logistics": "物流", "finance": "财务"},
    items=[
        DemoItem("amazon", "亚马逊卖家中心（美国站）", Kind.LOGIN, "marketplaces",
                 ["https://sellercentral.amazon.com"], "seller@demo-shop.example", ["亚马逊"],
                 notes="两步验证码发到创始人手机上。",
                 custom=[("卖家编号", "A1DEMO0FAKE2ID", False)]),
        DemoItem("shopify", "Shopify 后台", Kind.LOGIN, "marketplaces",
                 ["https://demo-shop.myshopify.com/admin"], "owner@demo-shop.example", ["独立站"]),
        DemoItem("shopify_api", "Shopify 后台 API 令牌（库存同步）", Kind.API_KEY, "marketplaces",
                 username="库存同步应用", tags=["独立站", "对接"],
                 notes="库存同步脚本在用；换令牌后记得在这里更新。"),
        DemoItem("1688", "1688 采购账号", Kind.LOGIN, "suppliers",
                 ["https://login.1688.com"], "demo_shop_buyer", ["采购"],
                 custom=[("支付密码", "", True)]),
        DemoItem("packaging", "宁波包装供应商平台", Kind.LOGIN, "suppliers",
                 ["https://portal.nb-packaging.example"], "orders@demo-shop.example", ["采购"],
                 notes="每月 20 号前下纸箱订单，下个月到货。"),
        DemoItem("amazon_ads", "亚马逊广告后台", Kind.LOGIN, "advertising",
                 ["https://advertising.amazon.com"], "ads@demo-shop.example", ["亚马逊"]),
        DemoItem("google_ads", "谷歌广告", Kind.LOGIN, "advertising",
                 ["https://ads.google.com"], "marketing@demo-shop.example", ["独立站"]),
        DemoItem("dhl", "DHL 快递（MyDHL+）", Kind.LOGIN, "logistics",
                 ["https://mydhl.express.dhl"], "shipping@demo-shop.example", ["发货"],
                 custom=[("月结账号", "960000000", False)]),
        DemoItem("4px", "递四方海外仓后台", Kind.LOGIN, "logistics",
                 ["https://b.4px.com"], "DEMOSHOP01", ["发货"]),
        DemoItem("alarm", "仓库报警器和 Wi-Fi", Kind.NOTE, "logistics", tags=["办公室"],
                 notes="报警器密码：{pin}\nWi-Fi：DemoShop-Store / {word}"),
        DemoItem("bank", "企业网银", Kind.LOGIN, "finance",
                 ["https://online.bank.example"], "DEMO-SHOP-LTD", ["银行"]),
        DemoItem("card", "公司信用卡（广告和样品）", Kind.CARD, "finance", tags=["银行"],
                 holder="DEMO SHOP LTD", notes="每月额度 2 万。开通新的订阅前先问创始人。"),
    ],
)  # fmt: skip
