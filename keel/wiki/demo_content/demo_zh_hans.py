# ruff: noqa: E501 - prose reads best one paragraph per line
"""演示商店's living wiki (zh-hans): the English demo's wiki as a Shenzhen team writes it,
with the same spaces, slugs and shape (see demo_en.py); its people are the zh-hans demo's and
its US listing assistant writes in English where she owns the page.
"""

from __future__ import annotations

from typing import Any

from keel.wiki.demo_content.demo_en_teams import (
    DAMAGED_EN,
    DAMAGED_HANS,
    DAMAGED_VARIABLES,
    FREIGHT_QUOTE_EN,
    FREIGHT_QUOTE_HANS,
    FREIGHT_VARIABLES,
)
from keel.wiki.demo_content.demo_zh_hans_teams import (
    ACCOUNT_HEALTH,
    CS_BASICS,
    HIRING,
    KEYWORDS,
    LISTINGS,
    MACROS,
    MONTH_END,
    NEGATIVE_REVIEWS,
    NEGOTIATION,
    PAYMENT,
    PHOTO_BRIEF,
    PPC,
    PURCHASING,
    QC,
    REFUNDS,
    REFUNDS_V1,
    REFUNDS_V2,
    REORDER,
    REORDER_V1,
    REORDER_V2,
    SUPPLIER_LIST,
    TITLES,
    TITLES_V1,
    TMALL,
)

Page = dict[str, Any]

OWNER = "owner@demo-zh.example"  # 林伟，创始人
ZHANG = "zhang.min@demo-zh.example"  # 张敏，仓库主管
CHEN = "chen.xiaowen@demo-zh.example"  # 陈晓雯，客服专员
WANG = "wang.fang@demo-zh.example"  # 王芳，采购主管
JESSICA = "jessica.miller@freelancehub.example"  # Jessica Miller，Listing 助理（美国）


def _p(slug: str, title: str, owner: str, body: str, *children: Page, **extra: Any) -> Page:
    page = {"slug": slug, "title": title, "body": body, "children": list(children)}
    return page | {"kind": "page", "owner": owner} | extra


# --- 公司 ------------------------------------------------------------------------------------

OUR_STORY_V1 = """演示商店 2019 年在深圳一间出租屋里起步。林伟在亚马逊美国站卖竹砧板。

待补充。"""

OUR_STORY_V2 = """演示商店 2019 年在深圳龙华的一间出租屋里起步。林伟从宁波的一家作坊进了 300 块竹砧板，挂到亚马逊美国站上卖，六周就卖完了。

## 大事记
- 2019 年：亚马逊美国站出第一单。
- 2020 年：张敏加入，有了第一个仓库。
- 2021 年：天猫店开业。"""

OUR_STORY = """演示商店 2019 年在深圳龙华的一间出租屋里起步。林伟从宁波的一家作坊进了 300 块竹砧板，挂到亚马逊美国站上卖，六周就卖完了——主要是因为照片拍的是真实厨房里的砧板，而不是白底图。

## 大事记
| 年份 | 发生了什么 | 意义 |
|---|---|---|
| 2019 年 | 亚马逊美国站出第一单 | 证明好照片加实在的五点描述，简单的产品也能卖 |
| 2020 年 | @[张敏] 加入；龙华有了第一个仓库 | 国内订单不用再在客厅里打包 |
| 2021 年 | 天猫店开业 | 当年一半的增长来自国内 |
| 2022 年 | @[王芳] 接手采购 | 供应商不良率从 4% 降到 1% 以下 |
| 2023 年 | 开了 Shopify 独立站，上了亚马逊德国站和英国站 | 不再只靠一个平台 |
| 2024 年 | 香料架套装成为销量冠军 | 第一款我们自己设计的产品 |

## 踩过的坑
- **只有一家供应商，等于没有供应商。** 2021 年春节后唯一的砧板作坊停工一个月，亚马逊断货五周。现在每个爆款都有第二家货源（见[[供应商名录]]）。
- **每天看账户状况。** 2022 年一条 Listing 被下架，损失了约 8 万元销售额，申诉花了九天。见[[账户状况]]。
- **把事情写下来。** 张敏休假那次，没人知道 FBA 怎么发货。这就是这个知识库存在的原因。

## 往哪里去
目标写在 Keel 的“目标”里：三个平台、自有品牌，年营收 1000 万元；店铺靠岗位运转，而不是靠老板的微信。
"""

WELCOME = """欢迎！演示商店的做事方法都写在这个知识库里，同一个问题没人需要问第二遍。

## 从这里开始
- [[我们的故事]]：我们从哪里来，踩过哪些坑。
- [[团队手册]]：工作时间、工具、休假和沟通方式。
- [[入职清单]]：你的头两周。
- [[术语表]]：FBA、ASIN、ACoS 这些第一天就会听到的缩写。

## 各个空间
| 空间 | 内容 | 找谁 |
|---|---|---|
| 运营/物流 | 仓库、FBA 发货、物流商、报关 | @[张敏] |
| 采购 | 供应商、采购单、验货 | @[王芳] |
| 市场与 Listing | Listing、图片、广告、天猫 | @[Jessica Miller] |
| 客服 | 退款、回复话术、评价、账户状况 | @[陈晓雯] |

在任何页面按 `/` 就能搜索，中文英文都行。

> [!TIP]
> 发现内容过时了？直接改。每一页都写着负责人；拿不准的话，在评论里 @ 一下负责人。
"""

HANDBOOK = """我们怎么一起工作。故意写得很短：缺了哪条规矩，提出来我们就补上。

## 工作时间
- 深圳办公室：09:00–18:00（Asia/Shanghai），午休 12:00–13:30。
- @[Jessica Miller] 在美国（America/Chicago），和我们重叠的时间是北京时间 08:00–10:00。给她的问题请在前一天下班前写进任务评论，她上班就能看到。她看不懂的中文页面，请在评论里附一句英文。
- 平台紧急情况（Listing 被下架、账户警告）任何时间都直接打电话给老板。

## 工具和账号
| 工具 | 在哪里 | 谁有权限 |
|---|---|---|
| 任务、知识库、目标 | Keel | 所有人 |
| 亚马逊卖家后台 | 浏览器，每人一个子账号 | 老板、Listing 助理、客服 |
| 天猫后台（千牛） | 办公室电脑 | 老板、客服 |
| Shopify 后台 | 浏览器 | 老板、市场 |
| ERP 和库存 | 领星 ERP | 仓库、采购 |

亚马逊后台账号绝对不能共用：亚马逊会按设备关联账号，可能两个店一起封。

## 沟通
- 工作上的问题写在任务里，不要只在微信里说，这样答案会跟着这件事留下来。
- 微信用来说“我晚点到”和打紧急电话。
- 周会：周一 10:00，30 分钟，先看数据（哪几周例外，见[[平台活动日历]]）。

另见[[假期与请假]]和[[入职清单]]。
"""

ONBOARDING_V1 = """- [ ] 开 Keel 账号
- [ ] 看团队手册
- [ ] 认识同事"""

ONBOARDING = """你的头两周。带你的同事会和你一起打勾；请把这份清单复制成一个分配给你的任务。

## 第 1 天
- [ ] 开通 Keel 账号，打开两步验证
- [ ] 公司邮箱，加入企业微信群
- [ ] 读[[我们的故事]]和[[团队手册]]
- [ ] 和大家一起吃午饭

## 第 1 周
- [ ] 开通亚马逊后台子账号，权限按岗位给（找 @[林伟]）
- [ ] 跟 @[张敏] 走一遍仓库：见[[仓库手册]]
- [ ] 读完本部门空间的页面和[[术语表]]
- [ ] 跟 @[陈晓雯] 值一个客服班

## 第 2 周
- [ ] 负责你的第一个周期任务
- [ ] 改一页你读着费劲的知识库页面
- [ ] 和老板聊 30 分钟：哪里还不清楚？

> [!NOTE]
> 海外助理和兼职不用走仓库，改成和所支持岗位的同事开一次视频会。
"""

HOLIDAYS = """## 法定节假日
我们按国家法定节假日放假，包括调休上班。平台不放假，所以长假期间每天安排一人值班，负责客户消息和账户状况。

| 节日 | 大致日期 | 值班 |
|---|---|---|
| 春节 | 1 月底或 2 月，7 天 | 12 月排班 |
| 劳动节 | 5 月 1–5 日 | 排班 |
| 国庆节 | 10 月 1–7 日 | 排班 |

> [!WARNING]
> 工厂春节前后会停工 2 到 4 周。2、3 月要的货，采购单必须在 11 月中旬前下：见[[采购流程]]。

## 请假
1. 建一个任务“请假：日期”，分配给老板，至少提前两周（请一天提前一周）。
2. 把手上未完成的任务交给岗位的备份同事，并在任务里写明。
3. 在邮箱和 Keel 里设置外出状态。

年假：第一年 10 天，每多工作一年加 1 天，最多 15 天。
"""

MARKETPLACE_CALENDAR = """决定我们一年节奏的日子。大促的货必须在活动前**六周**进 FBA 仓；见 [[FBA 头程发货]]。

| 活动 | 平台 | 时间 | 我们通常怎么做 |
|---|---|---|---|
| 春节 | 全部（工厂放假） | 1–2 月 | 提前下单，不上新品 |
| 618 | 天猫、京东 | 6 月 1–18 日 | 香料架套装 85 折 |
| Prime Day | 亚马逊美国、欧洲 | 7 月 | 砧板做秒杀 |
| 返校季 | 亚马逊美国 | 8 月 | 宿舍厨房套装 |
| 双 11 | 天猫 | 11 月 11 日，10 月 20 日起预售 | 天猫最大的活动，客服加班 |
| 黑五 / 网一 | 亚马逊、Shopify | 11 月底 | 优惠券，Shopify 邮件营销 |
| 圣诞截单 | 亚马逊美国、欧洲 | 约 12 月 15 日 | 发货慢的产品停广告 |

- [ ] 5 月底前和 @[林伟] 确认 Prime Day 秒杀
- [ ] 9 月中旬前订好 11 月的舱位（@[张敏]）
"""

GLOSSARY = """入职第一周就会听到的词。

| 术语 | 意思 |
|---|---|
| ASIN | 亚马逊的商品编号，每个站点每个商品一个 |
| SKU | 我们自己的库存编号，例如大号竹砧板是 `KB-BAM-L` |
| FBA | 亚马逊物流：亚马逊替我们仓储和配送 |
| FBM | 卖家自发货，从我们自己的仓库发 |
| 3PL | 第三方海外仓，替我们仓储和发货 |
| ACoS | 广告销售成本比：广告花费 ÷ 广告销售额 |
| PPC | 按点击付费的广告（商品推广、品牌推广） |
| A+ 页面 | 五点描述下面的图文详情 |
| ODR | 订单缺陷率，必须低于 1%（见[[账户状况]]） |
| PO | 给供应商的采购单 |
| MOQ | 最小起订量 |
| HS 编码 | 商品的海关税则号（见[[报关与 HS 编码]]） |
| 千牛 | 天猫的卖家工作台 |
| 小二 | 天猫的类目运营 |
"""

# --- 运营/物流 --------------------------------------------------------------------------------

WAREHOUSE_V1 = """仓库在龙华。A–D 是货架，打包台在门口。"""

WAREHOUSE = """我们在深圳龙华的仓库：120 平方米，大约 1800 箱货。放天猫和 Shopify 订单的库存，以及给 FBA 补货的备货。

![仓库平面图：卷帘门边是收货区，A–F 货架，打包台，退货角]({{image:warehouse-layout.png}})

## 分区
| 区 | 放什么 | 规矩 |
|---|---|---|
| R | 收货区 | 没点完数的货不准离开 R 区 |
| A–D | 快销品（砧板、香料架、收纳盒） | 先进先出 |
| E–F | 慢销品和包材 | 每季度清一次 |
| P | 打包台 | 每天下班前清干净 |
| X | 退货和残次品 | 见[[退货处理]] |

## 每天的安排
- 09:00 打印天猫和 Shopify 订单；16:00 前发完（顺丰 16:30 上门揽收）。
- 14:00 看当天的到货：[[到货收货]]。
- 周五：盘点一个区，结果录进 ERP。

怎么打包见[[国内订单打包]]。有问题找 @[张敏]。
"""

RECEIVING = """每一批到货都要先清点检查再上架。事后才发现数量不对，代价是现在的十倍。

1. 对照 ERP 里的采购单核对送货单（采购单号、SKU、箱数）。
2. 签收前先点箱数。有破损就写在承运商的单子上，并拍照。
3. 每 10 箱开 1 箱（至少 2 箱），按[[供应商验货]]清单检查。
4. 当天把实收数量录入 ERP，货放到 A–F 区。

- [ ] 送货单和采购单一致
- [ ] 箱数已点、已拍照
- [ ] 抽检箱已开箱检查
- [ ] ERP 已更新

> [!WARNING]
> 抽检不良率超过 2%，就停：这批货不上架。当天带照片告诉 @[王芳]，好在付尾款之前向供应商索赔。
"""

PACKING = """天猫和 Shopify 订单怎么打包。先把视频看一遍，封箱和易碎品的包法都在里面。

![打包教学视频]({{video:packing-tutorial.webm}})

## 用什么箱子
| 产品 | 纸箱 | 填充 |
|---|---|---|
| 砧板 | B3 扁箱 | 不用；大号砧板加护角 |
| 香料架 | B5 | 纸填充，玻璃瓶单独包 |
| 刀座 | B5 | 刀槽套纸板，贴“易碎”标签 |
| 抽屉收纳盒 | B4 | 不用 |

## 步骤
1. 扫订单，面单会和箱型一起打出来。
2. 对照拣货单核对 SKU 和数量。
3. 装箱，放感谢卡（天猫放中文的，Shopify 放英文的）。
4. 工字形封箱；面单贴在顶面，不要压在接缝上。
5. 扫面单，订单标记为已发货。

天猫买家会自动收到顺丰单号；Shopify 买家会收到邮件。
"""

RETURNS = """退回来的包裹从门口到货架或者报废，全过程在这里。对客户的规则见[[退款与退货政策]]。

1. 在 ERP 里按订单号登记退货，给商品拍照。
2. 分级：
   - **A 级**：未拆封或全新 → 回库存。
   - **B 级**：拆过、能用、包装坏了 → 重新包装，只在天猫作为“开箱品”卖。
   - **C 级**：损坏或用过 → 放 X 区；每月一次退给供应商索赔或回收。
3. 当天把分级结果告诉 @[陈晓雯]，她才能放款退款。

> [!NOTE]
> FBA 的退货由亚马逊分级。每月让亚马逊把“不可售”库存退回深圳仓一次；移除订单的步骤见 [[FBA 头程发货]]。
"""

FBA_V1 = """1. 在后台创建货件。
2. 打印标签。
3. 约卡车。"""

FBA = """我们怎么把货发进亚马逊仓库。负责人：物流专员岗位。海运留六周，空运留两周。

## 步骤
1. 按补货表算数量（见[[补货点与安全库存]]）。
2. 在卖家后台 → 发/补货，创建货件计划；亚马逊分仓如果每件多花不到 0.30 美元，就接受。
3. 每件商品打 FNSKU 标签，每箱打箱唛：[[箱唛与外箱标签]]。
4. 订货代（见[[物流商与货代]]），把货件编号发给他们。
5. 提货后 24 小时内把运单号填进后台。

## 外箱
单箱超过 23 kg 或任一边超过 63.5 cm，亚马逊会拒收。每个货件的箱数：

```
=ROUNDUP(数量 / 每箱数量, 0)
=IF(单箱重量 > 22.5, "需要拆箱", "OK")
```

## 移除订单
不可售的退货：库存 → 亚马逊物流 → 移除订单，发回龙华仓。每月第一个周一做。
"""

LABELS = """发往亚马逊的每一箱都要贴两张标签：亚马逊的箱标（带 FBA 货件编号），以及给货代看的我们自己的箱唛。

箱唛格式：

```
DEMO SHOP / SHENZHEN
PO: 2024-118      CTN: 12 / 40
SKU: KB-BAM-L     QTY: 24 PCS
G.W.: 21.4 KG     MEAS: 60 x 40 x 35 CM
MADE IN CHINA
```

- 标签贴在相邻的两个侧面，不要压在接缝上。
- 箱唛由供应商打印；FNSKU 标签我们随采购单发 PDF 给工厂。
"""

CARRIERS = """谁在帮我们运货。联系人和账号在联系人目录里（搜“物流”）。

| 物流商 | 用途 | 谁来订 | 备注 |
|---|---|---|---|
| 顺丰 | 天猫和国内 Shopify 订单 | 仓库 | 每天 16:30 上门揽收 |
| 菜鸟 | 天猫退货和跨境小包 | 仓库 | 在天猫后台下单 |
| DHL | 海外寄样、收样，FBA 紧急补货 | 物流 | 账号在老板名下 |
| UPS | 100 kg 以下空运到美国 FBA | 物流 | 45 kg 以上比 DHL 便宜 |
| 海联物流（货代） | 海运双清包税到美国、欧洲 FBA | 物流 | 周三前报价，赶下周船期 |

询价用[[货代询价]]模板。保险：货值的 0.3%，海运一律买。
"""

CUSTOMS = """我们用的 HS 编码，以及以前交过学费的规矩。每个新品都让报关行核对编码，绝不靠猜。

| 产品 | HS 编码（美国） | 关税（美国） | 备注 |
|---|---|---|---|
| 竹砧板 | 4419.11.0000 | 3.2% + 301 关税 | 申报为竹制品，不是木制品 |
| 香料架（竹制，带玻璃瓶） | 4419.90.9000 | 3.2% | 玻璃瓶按套装申报 |
| 硅胶保鲜盖 | 3924.10.4000 | 3.4% | 需要 FDA 食品接触证明 |
| 刀座（不含刀） | 4420.90.8000 | 3.2% | |

> [!WARNING]
> 商业发票上必须写实际成交价。2022 年因为发票低报，货在美国海关被扣，罚了 1200 美元。

## 每票货的单证
- 商业发票和装箱单（供应商出，@[王芳] 核对）
- 提单（货代出）
- 硅胶保鲜盖：FDA 和 LFGB 检测报告

编码问题找联系人目录里的报关行（标签“报关”）。
"""

SPACES: list[dict[str, Any]] = [
    {
        "slug": "company",
        "name": "公司",
        "description": "我们是谁、怎么工作，新人从这里开始。",
        "department": None,
        "visibility": "workspace",
        "pages": [
            _p("welcome", "欢迎来到演示商店", OWNER, WELCOME,
               _p("our-story", "我们的故事", OWNER, OUR_STORY, review_days=365, revisions=[
                   {"author": OWNER, "summary": "初稿", "body": OUR_STORY_V1},
                   {"author": ZHANG, "summary": "补充早期经历", "body": OUR_STORY_V2},
               ]),
               _p("team-handbook", "团队手册", OWNER, HANDBOOK,
                  _p("onboarding-checklist", "入职清单", "seat:创始人", ONBOARDING, review_days=180, revisions=[
                      {"author": OWNER, "summary": "开个头", "body": ONBOARDING_V1},
                  ]),
                  _p("holidays-and-time-off", "假期与请假", OWNER, HOLIDAYS, review_days=365),
                  review_days=180),
               _p("marketplace-calendar", "平台活动日历", "seat:销售负责人", MARKETPLACE_CALENDAR, review_days=90),
               _p("glossary", "术语表", CHEN, GLOSSARY)),
        ],
    },
    {
        "slug": "operations",
        "name": "运营/物流",
        "description": "仓库、FBA 发货、物流商和报关。",
        "department": "operations",
        "visibility": "workspace",
        "pages": [
            _p("warehouse-handbook", "仓库手册", "seat:仓库主管", WAREHOUSE,
               _p("receiving-deliveries", "到货收货", ZHANG, RECEIVING, review_days=180),
               _p("packing-domestic-orders", "国内订单打包", ZHANG, PACKING),
               _p("processing-returns", "退货处理", "seat:仓库主管", RETURNS),
               review_days=90, revisions=[
                   {"author": ZHANG, "summary": "仓库基本情况", "body": WAREHOUSE_V1},
               ]),
            _p("fba-inbound-shipments", "FBA 头程发货", "seat:物流专员", FBA,
               _p("carton-labels-and-shipping-marks", "箱唛与外箱标签", ZHANG, LABELS),
               review_days=90, revisions=[
                   {"author": OWNER, "summary": "随手记的步骤", "body": FBA_V1},
               ]),
            _p("carriers-and-freight-forwarders", "物流商与货代", "seat:物流专员", CARRIERS),
            _p("customs-and-hs-codes", "报关与 HS 编码", "seat:物流专员", CUSTOMS, review_days=90, review_overdue=True),
        ],
    },
    {
        "slug": "purchasing",
        "name": "采购",
        "description": "供应商、采购单、补货点和验货。",
        "department": "purchasing",
        "visibility": "workspace",
        "pages": [
            _p("purchasing-process", "采购流程", "seat:采购主管", PURCHASING,
               _p("reorder-points-and-safety-stock", "补货点与安全库存", WANG, REORDER, review_days=90, revisions=[
                   {"author": OWNER, "summary": "经验法则", "body": REORDER_V1},
                   {"author": WANG, "summary": "按系列写交期", "body": REORDER_V2},
                   {"author": ZHANG, "summary": "漏了运输天数", "body": REORDER_V2 + "\n\n还要加上海运：到美国 FBA 30 天。"},
               ]),
               _p("supplier-quality-checks", "供应商验货", WANG, QC, review_days=180),
               _p("payment-terms-and-deposits", "付款条件与定金", "seat:记账", PAYMENT)),
            _p("supplier-list", "供应商名录", WANG, SUPPLIER_LIST,
               {"slug": "freight-quote-request", "title": "货代询价", "kind": "template", "owner": "seat:物流专员",
                "subject": FREIGHT_QUOTE_HANS["subject"], "body": FREIGHT_QUOTE_HANS["body"], "variables": list(FREIGHT_VARIABLES),
                "variants": {"en": dict(FREIGHT_QUOTE_EN), "zh-hans": dict(FREIGHT_QUOTE_HANS)}, "children": []}),
        ],
    },
    {
        "slug": "marketing",
        "name": "市场与 Listing",
        "description": "Listing、关键词、图片、广告和天猫店。",
        "department": "marketing",
        "visibility": "workspace",
        "pages": [
            _p("listing-guidelines", "Listing 规范", "seat:Listing 助理", LISTINGS,
               _p("amazon-titles-and-bullets", "Amazon titles and bullets", JESSICA, TITLES, review_days=90, revisions=[
                   {"author": OWNER, "summary": "Basic rules", "body": TITLES_V1},
                   {"author": JESSICA, "summary": "Bullets and search terms", "body": TITLES_V1 + "\n\nBullets start with a benefit in capitals. Backend search terms under 249 bytes."},
               ]),
               _p("keyword-research", "关键词调研", "seat:Listing 助理", KEYWORDS),
               _p("product-photography-brief", "产品拍摄要求", CHEN, PHOTO_BRIEF)),
            _p("ppc-advertising-playbook", "PPC 广告手册", "seat:市场主管", PPC, review_days=90),
            _p("tmall-store-operations", "天猫店铺运营", OWNER, TMALL),
        ],
    },
    {
        "slug": "customer-service",
        "name": "客服",
        "description": "退款、回复话术、评价和账户状况。",
        "department": "service",
        "visibility": "workspace",
        "pages": [
            _p("customer-service-basics", "客服基本规范", "seat:客服专员", CS_BASICS,
               _p("refunds-and-returns-policy", "退款与退货政策", CHEN, REFUNDS, review_days=180, revisions=[
                   {"author": OWNER, "summary": "第一版", "body": REFUNDS_V1},
                   {"author": CHEN, "summary": "按平台分开写", "body": REFUNDS_V2},
               ]),
               _p("reply-macros", "回复话术", CHEN, MACROS, review_days=90, review_overdue=True),
               _p("handling-negative-reviews", "差评处理", CHEN, NEGATIVE_REVIEWS),
               {"slug": "damaged-item-reply", "title": "破损补发回复", "kind": "template", "owner": CHEN,
                "subject": DAMAGED_HANS["subject"], "body": DAMAGED_HANS["body"], "variables": list(DAMAGED_VARIABLES),
                "variants": {"en": dict(DAMAGED_EN), "zh-hans": dict(DAMAGED_HANS)}, "children": []}),
            _p("account-health", "账户状况", "seat:客服专员", ACCOUNT_HEALTH, review_days=90),
        ],
    },
    {
        "slug": "management",
        "name": "管理层",
        "description": "财务、招聘和议价。仅老板可见。",
        "department": "management",
        "visibility": "private",
        "pages": [
            _p("month-end-close", "月结清单", "seat:记账", MONTH_END, review_days=365),
            _p("hiring-plan-operations-manager", "招聘计划：运营经理", OWNER, HIRING),
            _p("supplier-price-negotiations", "供应商年度议价", OWNER, NEGOTIATION),
        ],
    },
]  # fmt: skip

# (company, name, role, email, phone, tags, notes, department key)
_CONTACT_ROWS = [
    ("宁波厨具有限公司", "陈建国", "销售经理", "chen.jg@nbkitchen.example.cn", "+86 574 5550 1201", ["供应商", "竹制品", "砧板"], "2019 年起的砧板主力供应商。微信最快；邮件一天内回复。付款 3/7。", "purchasing"),
    ("宁波厨具有限公司", "徐磊", "品管主管", "qc@nbkitchen.example.cn", "+86 574 5550 1230", ["供应商", "验货"], "出货前发验货照片和含水率读数。", "purchasing"),
    ("义乌家居贸易有限公司", "周丽", "客户经理", "zhouli@yiwuhome.example.cn", "+86 579 5550 8832", ["供应商", "香料架", "收纳"], "非常靠谱。春节放假 3 周。", "purchasing"),
    ("深圳明亮硅胶制品有限公司", "黄志强", "销售总监", "huang@brightsilicone.example.cn", "+86 755 5550 3307", ["工厂", "硅胶", "保鲜盖"], "2023 年开始合作。每批都要对照封样查色差。付款 5/5。", "purchasing"),
    ("深圳明亮硅胶制品有限公司", "刘洋", "工程师", "liu.yang@brightsilicone.example.cn", "+86 755 5550 3321", ["工厂", "模具"], "负责模具和 FDA / LFGB 检测报告。", "purchasing"),
    ("阳江刀具厂", "莫建华", "老板", "mo@yjblade.example.cn", "+86 662 5550 7710", ["工厂", "刀座"], "刀座和磁吸刀架。MOQ 300。", "purchasing"),
    ("安吉竹业有限公司", "吴海燕", "外贸业务", "wuhy@anjibamboo.example.cn", "+86 572 5550 4419", ["供应商", "竹制品", "第二货源"], "砧板第二货源，2024 年样品已确认。", "purchasing"),
    ("东莞印刷包装有限公司", "谭伟", "项目经理", "tanwei@dgpack.example.cn", "+86 769 5550 2266", ["供应商", "包装"], "彩盒和感谢卡。打样 3 天。", "purchasing"),
    ("亚马逊（美国站）", "Jennifer Park", "战略客户经理", "jpark@amazon-sam.example.com", "+1 206 555 0147", ["平台", "亚马逊", "客户经理"], "每月第一个周二通话。申诉卡住时能帮忙升级，但不能拍板。", "sales"),
    ("亚马逊（欧洲站）", "Lukas Becker", "欧洲站客户经理", "lbecker@amazon-eu.example.com", "+49 30 5550 1874", ["平台", "亚马逊", "增值税"], "德法意西四站。欧洲增值税和 EPR 问题可以问他。", "sales"),
    ("天猫（家居类目）", "高明", "类目小二", "gaoming@tmall-partner.example.cn", "+86 571 5550 6618", ["平台", "天猫", "大促"], "618 和双 11 报名找他。先在千牛上联系。", "marketing"),
    ("Shopify Plus", "客服", "商家支持", "support@shopify-merchant.example.com", "", ["平台", "Shopify"], "后台在线聊天比邮件快。", "marketing"),
    ("DHL 中国", "赵鹏", "客户经理", "zhao.peng@dhl-cn.example.cn", "+86 755 5550 9001", ["物流", "快递", "寄样"], "账号 95xxxx。寄样和 FBA 紧急补货。15:00 前约取件。", "operations"),
    ("UPS 深圳", "李嘉欣", "客户经理", "klee@ups-sz.example.com", "+86 755 5550 9120", ["物流", "空运"], "100 kg 以下空运到美国 FBA；45 kg 以上比 DHL 便宜。", "operations"),
    ("顺丰速运", "李强", "大客户经理", "liqiang@sf-express.example.cn", "+86 755 5550 9555", ["物流", "国内快递"], "每天 16:30 到龙华仓揽收。月结。", "operations"),
    ("菜鸟", "孙宇", "跨境客户经理", "sunyu@cainiao.example.cn", "+86 571 5550 8800", ["物流", "天猫", "退货"], "天猫退货和跨境小包。", "operations"),
    ("海联物流（深圳）", "何慧雯", "销售", "vivian@oceanlink.example.com", "+86 755 5550 4433", ["货代", "海运", "FBA"], "海运双清包税到美国、欧洲 FBA。周三前报价，赶下周船期。", "operations"),
    ("ShipRight Fulfillment（新泽西）", "Mike Russo", "客户经理", "mrusso@shipright3pl.example.com", "+1 732 555 0182", ["3PL", "海外仓", "美国"], "美国海外仓，发 Shopify 订单和 FBA 预处理。每月 5 日出账单。", "operations"),
    ("Rhein Fulfilment GmbH", "Anna Schmidt", "客户成功", "a.schmidt@rheinfulfil.example.com", "+49 221 5550 3390", ["3PL", "海外仓", "欧洲"], "欧洲库存，供亚马逊德国、法国站和 Shopify 欧洲订单。", "operations"),
    ("Pacific Customs Brokers（洛杉矶）", "Daniel Ortiz", "持证报关员", "dortiz@pacificbrokers.example.com", "+1 310 555 0166", ["报关", "清关", "HS 编码"], "新品的 HS 编码由他核对；每票海运做 ISF 申报。", "operations"),
    ("宁波海关报关行", "方慧", "报关员", "fanghui@nbcustoms.example.cn", "+86 574 5550 6120", ["报关", "出口"], "宁波港出口报关。", "operations"),
    ("港湾会计师事务所", "黄嘉慧", "会计", "grace@harbourco.example.com", "+852 5550 2288", ["会计", "税务", "增值税"], "每月 10 日前收月结资料。负责德国和英国的增值税申报。", "finance"),
    ("平安货运险", "程波", "保险经纪", "chengbo@pingan-cargo.example.cn", "+86 755 5550 7788", ["保险", "货运"], "费率为货值 0.3%；签收后 30 天内报案理赔。", "operations"),
    ("北岸影像工作室", "林艾玛", "产品摄影师", "emma@studionorth.example.com", "+86 755 5550 6060", ["拍摄", "视频", "市场"], "半天 3500 元，影棚在南山。提前两周预约。", "marketing"),
    ("Lumen IP Law", "Robert Hale", "商标律师", "rhale@lumenip.example.com", "+1 415 555 0139", ["法务", "商标"], "美国和欧盟商标注册。", "management"),
]  # fmt: skip

CONTACTS: list[dict[str, Any]] = [
    dict(
        zip(
            ("company", "name", "role", "email", "phone", "tags", "notes", "department"),
            row,
            strict=True,
        )
    )
    for row in _CONTACT_ROWS
]
