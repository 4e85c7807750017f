# ruff: noqa: E501 - prose reads best one paragraph per line
"""演示商店's living wiki (zh-hans): the English demo's wiki as a Shenzhen team writes it,
with the same spaces, slugs and shape (see demo_en.py); its people are the zh-hans demo's and
its US listing assistant writes in English where she owns the page.
"""

from __future__ import annotations

from typing import Any

from keel.wiki.demo_content.demo_en import (
    DAMAGED_EN,
    DAMAGED_HANS,
    DAMAGED_VARIABLES,
    FREIGHT_QUOTE_EN,
    FREIGHT_QUOTE_HANS,
    FREIGHT_VARIABLES,
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

# --- 采购 ------------------------------------------------------------------------------------

PURCHASING = """从补货到付款，我们怎么采购。负责人：采购主管岗位。

1. 补货表标出低于补货点的 SKU：[[补货点与安全库存]]。
2. 向供应商问价格和交期；新品先打样。
3. 在 ERP 里建采购单；超过 5 万元的采购单要 @[林伟] 审批。
4. 付定金（[[付款条件与定金]]）。
5. 出货前验货：[[供应商验货]]。
6. 验货报告通过后再付尾款。
7. 订舱并跟踪货物：[[FBA 头程发货]]。

供应商过了承诺交期，第二天就发“供应商催货”邮件；光在微信上催不够，要有书面记录。

> [!NOTE]
> 工厂春节前后停工 2 到 4 周。2、3 月的采购单在 11 月中旬前下。
"""

REORDER_V1 = """库存不够卖 30 天就补货。"""

REORDER_V2 = """补货点 = 日均销量 × 交期天数。

交期：砧板 35 天，香料架 45 天。"""

REORDER = """什么时候补货、补多少。共享盘里的“2025 补货表”会自动算；这一页解释公式。

## 公式
```
日均销量   = 最近 28 天销量 / 28
安全库存   = 日均销量 × 14
补货点     = 日均销量 × (生产天数 + 运输天数) + 安全库存
采购数量   = MAX(MOQ, 日均销量 × 60)
```

表格里的写法（第 2 行是第一个 SKU）：

```
=ROUNDUP(C2/28*(D2+E2) + C2/28*14, 0)
```

## 交期
| SKU 系列 | 供应商 | 生产 | 海运到美国 FBA |
|---|---|---|---|
| 竹砧板（KB-BAM-*） | 宁波厨具 | 25 天 | 30 天 |
| 香料架（SR-*） | 义乌家居 | 30 天 | 30 天 |
| 硅胶保鲜盖（SL-*） | 深圳明亮硅胶 | 20 天 | 30 天 |
| 刀座（KN-*） | 阳江刀具厂 | 35 天 | 30 天 |

旺季（见[[平台活动日历]]）从 9 月起安全库存翻倍。

香料架断货后改过一次：@[张敏] 补上了运输天数，@[王芳] 每周一核对补货表。
"""

QC = """付尾款之前要检查的东西。3 万元以上的订单请第三方验货公司去工厂；小单让供应商发检验照片和视频。

## 检查清单
- [ ] 数量和箱数与采购单一致
- [ ] 箱唛和 FNSKU 标签正确（[[箱唛与外箱标签]]）
- [ ] 尺寸与确认样相差不超过 ±2 mm
- [ ] 竹制品：无开裂，含水率低于 12%（拍水分仪读数）
- [ ] 硅胶：无异味，颜色与封样一致
- [ ] 跌落测试：整箱从 76 cm 高度棱、角各摔一次，无损坏
- [ ] 彩盒印刷：条码能扫，没有错别字

## 抽样
主要缺陷 AQL 2.5，次要缺陷 AQL 4.0（一般检验水平 II）。500 件抽 50 件。

> [!WARNING]
> 验货报告没经 @[王芳] 确认，绝不付尾款。钱一付出去，我们就没有筹码了。
"""

PAYMENT = """| 供应商 | 付款条件 | 定金 | 付款方式 |
|---|---|---|---|
| 宁波厨具 | 3/7 | 下单付 30% | 银行转账（人民币） |
| 义乌家居 | 3/7 | 下单付 30% | 支付宝企业账户 |
| 深圳明亮硅胶 | 5/5 | 下单付 50% | 银行转账 |
| 阳江刀具厂 | 3/7 | 下单付 30% | 银行转账 |

- 由记账岗位付款；采购建一个任务申请付款，附上采购单和验货报告。
- 验货报告通过后才付尾款：见[[供应商验货]]。

> [!WARNING]
> 供应商发邮件说换了收款账户，在用通讯录里的电话确认之前，一律按诈骗处理。
"""

SUPPLIER_LIST = """我们在合作的供应商。电话和邮箱在联系人目录里；这一页写每家擅长什么。

| 供应商 | 城市 | 产品 | 合作起始 | 评价 |
|---|---|---|---|---|
| 宁波厨具有限公司 | 宁波 | 竹砧板 | 2019 年 | ★★★★ 质量好，常拖交期 |
| 义乌家居贸易 | 义乌 | 香料架、收纳盒 | 2020 年 | ★★★★★ |
| 深圳明亮硅胶制品 | 深圳 | 硅胶保鲜盖 | 2023 年 | ★★★ 新供应商，注意色差 |
| 阳江刀具厂 | 阳江 | 刀座、磁吸刀架 | 2022 年 | ★★★★ |
| 安吉竹业 | 安吉 | 砧板第二货源（打样中） | 2024 年 | — |
| 东莞印刷包装 | 东莞 | 彩盒、卡片 | 2021 年 | ★★★★ |

销量前十的每个产品都要有第二家货源：原因见[[我们的故事]]。
"""

# --- 市场与 Listing ---------------------------------------------------------------------------

LISTINGS = """我们在亚马逊、Shopify 和天猫上怎么写、怎么维护商品页。负责人：Listing 助理岗位。

- [[Amazon titles and bullets]]：亚马逊强制的规则，加上我们自己的规矩（Jessica 用英文维护）。
- [[关键词调研]]：每季度，按产品系列做。
- [[产品拍摄要求]]：摄影师要交付什么。
- [[天猫店铺运营]]：天猫有自己的节奏。

## 每次修改
1. 先在 Keel 的 AMZ 项目里起草，不要直接改后台。
2. 第二个人审核（老板或 @[Jessica Miller]）。
3. 发布后一小时内检查线上页面：Listing 被屏蔽当天就要修好。
"""

TITLES_V1 = """Title: brand + product + size. Max 200 characters. Five bullets."""

TITLES = """## Titles
- Brand, product, key feature, size/count, colour: `Demo Shop Bamboo Cutting Board Large, 45 x 30 cm, Juice Groove, Natural`
- At most 125 characters (Amazon allows 200 but cuts it on mobile).
- No promotional words ("best", "sale"), no ALL CAPS, no symbols like ! or ★.

## Bullets
- Five bullets, each starting with a short benefit in capitals: `JUICE GROOVE KEEPS THE COUNTER CLEAN – ...`
- Answer the top three customer questions (see the questions tab on the listing).
- Dimensions and care instructions always in bullets 4 and 5.

## Backend search terms
Under 249 bytes, no competitors' brand names, no words already in the title.

> [!WARNING]
> Claims like "antibacterial" or "BPA-free" need a test report on file. A listing was suppressed in 2022 for "antibacterial": see [[账户状况]].

中文说明：标题不超过 125 个字符，不写促销词；五点描述开头用大写写卖点；“抗菌”“不含 BPA”这类说法必须有检测报告。有疑问在评论里 @[林伟]。
"""

KEYWORDS = """每季度、按产品系列做一次，在 AMZ 项目里建任务。

1. 导出搜索词报告（广告 → 报告 → 搜索词，最近 60 天）。
2. 加上品牌分析里我们 ASIN 的热门搜索词。
3. 保留至少 3 单或转化率高于 10% 的词。
4. 最好的词放标题，其次放五点描述，剩下的放后台搜索词（[[Amazon titles and bullets]]）。
5. 出单的词加进广告的精准匹配（[[PPC 广告手册]]）。

上季度砧板的热门词：

| 搜索词 | 订单 | 转化率 |
|---|---|---|
| bamboo cutting board | 412 | 14.2% |
| cutting board with juice groove | 188 | 16.8% |
| large cutting board for kitchen | 121 | 11.0% |
| wood cutting board set | 64 | 7.9% |

天猫的关键词看生意参谋的“搜索分析”，方法一样。
"""

PHOTO_BRIEF = """每次拍摄要交付的东西。预约任务在 MKT 项目里。

## 每个产品
| 镜头 | 规格 | 用在哪里 |
|---|---|---|
| 主图 | 纯白底（#FFFFFF），产品占画面 85%，2000 × 2000 px | 亚马逊主图、天猫主图 |
| 场景图 ×3 | 真实厨房、自然光，其中一张有手 | 亚马逊第 2–4 张、Shopify |
| 尺寸图 | 产品旁放尺子或手做参照 | 亚马逊第 5 张 |
| 细节图 ×2 | 导流槽、拼接处、纹理 | A+ 页面 |
| 30 秒视频 | 开箱和使用 | 亚马逊视频、天猫主图视频 |

- [ ] 提前一周和 @[陈晓雯] 对好拍摄清单
- [ ] 样品从库存里拿，擦干净，撕掉标签
- [ ] 原片和修图放共享盘，每个 SKU 一个文件夹

摄影师和影棚在联系人目录里（标签“拍摄”）。
"""

PPC = """我们怎么投亚马逊广告。预算和目标由市场主管岗位定；岗位招到人之前由老板定。

## 每个产品系列的广告结构
- **自动广告**：低出价，用来挖词。
- **手动精准**：[[关键词调研]]里出过 3 单以上的词。
- **商品定位**：评分比我们低的竞品 ASIN。
- **品牌推广**：品牌旗舰店，只给有 3 个以上产品的系列开。

## 目标
| 产品阶段 | 目标 ACoS | 连续两周超标怎么办 |
|---|---|---|
| 新品期（0–8 周） | 45% 以内 | 保持，看转化率 |
| 成长期 | 30% | 出价降 10% |
| 成熟期 | 20% | 降出价，加否定词 |

## 每周二
- [ ] 点击 15 次以上没出单的词，加否定
- [ ] 自动广告里出单的词，移到手动精准
- [ ] 检查预算有没有在美国时间 18:00 前花完

```
ACoS = 广告花费 / 广告销售额
TACoS = 广告花费 / 总销售额
```
"""

TMALL = """天猫店和亚马逊玩法不一样：活动多、聊天要快，活动坑位由平台小二决定。

## 每天
- 09:00–23:00 旺旺 30 秒内响应（客服评分影响能不能报活动）。
- 在千牛里查超过 48 小时未发货的订单：罚订单金额的 5%。

## 大促
| 活动 | 报名时间 | 最低折扣 |
|---|---|---|
| 618 | 5 月初 | 85 折 |
| 99 大促 | 8 月初 | 9 折 |
| 双 11 | 9 月底 | 8 折 + 店铺券 |

- 活动通过小二报名；小二的联系方式在联系人目录里（标签“天猫”）。
- 活动价必须是国内所有平台近 30 天最低价，否则天猫会把我们踢出活动。

天猫退货按“七天无理由退货”执行；见[[退款与退货政策]]。
"""

# --- 客服 ------------------------------------------------------------------------------------

CS_BASICS = """每位客户 24 小时内得到答复，用客户的语言，在客户下单的平台上回复。负责人：客服专员岗位。

## 消息从哪里来
| 渠道 | 什么时候看 | 工具 |
|---|---|---|
| 亚马逊买家消息 | 09:00、13:00、17:00 | 卖家后台 |
| 天猫旺旺 | 全天 | 千牛 |
| Shopify 邮件 | 09:00、15:00 | help@ 邮箱 |

## 每天都会用到的页面
- [[退款与退货政策]]
- [[回复话术]]
- [[差评处理]]
- [[账户状况]]

凡是质量问题，都带照片转给 @[王芳]，采购好向供应商索赔。
"""

REFUNDS_V1 = """30 天内可退款，退货运费客户承担。"""

REFUNDS_V2 = """## 亚马逊
签收后 30 天内可退款，退货面单由亚马逊提供。

## 天猫
七天无理由。

## Shopify
30 天，退货运费客户承担。"""

REFUNDS = """客户可以期待什么，按平台分开写。仓库那边的流程见[[退货处理]]。

| | 亚马逊 | 天猫 | Shopify |
|---|---|---|---|
| 退货期限 | 签收后 30 天（11–12 月的订单延长到 1 月 31 日） | 七天无理由 | 30 天 |
| 退货运费 | 质量问题免费；其他按亚马逊规则 | 买家承担，质量问题除外；买了运费险的走运费险 | 质量问题免费，其他买家承担 |
| 退款时间 | 亚马逊扫描退货时 | 仓库确认收货后 | 收货后 2 个工作日内 |

## 仅退款不退货
售价低于 15 美元（或 50 元）的商品到货损坏，直接退款不用退回；请客户拍照，供采购向供应商索赔。

## 部分退款
外观小瑕疵、客户愿意留下的，退 20%。超过 20% 要问 @[林伟]。

> [!WARNING]
> 绝不能用退款换客户删评或改评。这违反亚马逊规则，可能导致封号（见[[账户状况]]）。

确认退款用“客户退款”邮件模板，留下书面记录。
"""

MACROS = """每天都会被问到的问题的现成回复。复制后改得像人话：写上客户的名字，提到具体产品。

## 我的快递到哪了？
> {name} 你好，谢谢留言。你的订单 {order} 已于 {date} 通过 {carrier} 发出，单号 {tracking}，一般 {days} 天内送达。我会帮你盯着，物流不动了会再联系你。

## 砧板裂了
> {name} 你好，砧板开裂真的很抱歉。方便拍一张裂缝的照片吗？补发或退款都可以，你选；砧板不用寄回。

## 能放洗碗机吗？
> 竹砧板请手洗，每月上一次油；洗碗机会让它开裂。硅胶保鲜盖和香料瓶可以放洗碗机。

## 英文客户（亚马逊、Shopify）
> Hi {name}, thank you for your message. Your order {order} left our warehouse on {date} with {carrier}; the tracking number is {tracking}.

回复时效和语气见[[客服基本规范]]。
"""

NEGATIVE_REVIEWS = """三星及以下的评价怎么处理。目的是帮客户解决问题、从中学到东西，不是去争辩。

1. 24 小时内查订单：是质量问题、误解，还是物流问题？
2. 亚马逊：从评价里点“联系买家”（品牌备案功能），用亚马逊的标准模板；绝不能用任何好处换改评。
3. 天猫：对追评公开回复，语气平和，具体问题在旺旺里解决。
4. 在“评价记录”表里登记原因：缺陷类型、SKU、批次。
5. 一个月内同一缺陷出现三次 → 给 @[王芳] 建任务，找供应商整改。

> [!TIP]
> 公开回复是写给后面一百个买家看的，不是写给留差评的人。简短、讲事实、态度好。
"""

ACCOUNT_HEALTH = """这些指标一下滑，亚马逊就可能下架商品甚至封店。每天早上看一次账户状况页面；客服专员岗位负责，任何警告当天告诉老板。

| 指标 | 亚马逊的红线 | 我们的目标 |
|---|---|---|
| 订单缺陷率（ODR） | 低于 1% | 低于 0.3% |
| 迟发率（自发货） | 低于 4% | 0% |
| 配送前取消率 | 低于 2.5% | 0% |
| 有效追踪率 | 高于 95% | 100% |
| 违反政策 | 0 | 0 |

## Listing 被下架时
1. 读通知：违反了哪条政策、哪个 ASIN、亚马逊要什么证据。
2. 先把原因改掉（Listing 文案、安全文件、发票）。
3. 用“平台申诉”模板写行动计划（POA）：根本原因、已采取的措施、预防措施。
4. 在账户状况 → 对应通知 → 申诉里提交。一次交完整；反复申诉只会更慢。

> [!WARNING]
> 绝不能开第二个店铺来绕过封店：亚马逊会关联账号，两个一起关。

历史：2022 年因为五点描述里写了“antibacterial”被下架，九天后恢复。之后加的规矩见 [[Amazon titles and bullets]]。
"""

# --- 管理层（私密） ---------------------------------------------------------------------------

MONTH_END = """老板和记账岗位每月 10 日前完成月结。

- [ ] 下载亚马逊结算报告（美国、德国、英国）和天猫支付宝账单
- [ ] 回款和银行流水逐笔核对；记下用的汇率
- [ ] 已付款的采购单都收到了供应商发票
- [ ] ERP 的库存金额，FBA 库存报告
- [ ] 增值税申报：德国和英国（按季度，由会计处理）
- [ ] 把资料包发给会计（联系人目录，标签“会计”）
- [ ] 按产品和平台的毛利填进“2025 损益表”

```
毛利率 = (收入 - 产品成本 - 平台费用 - 运费) / 收入
```

> [!NOTE]
> 这个空间里的数字保密：只有老板和老板添加的人能看。
"""

HIRING = """我们计划明年招一名运营经理（见组织架构图：计划中的岗位）。这个岗位要把采购、物流和客服从老板手里接过去。

## 画像
- 3 年以上跨境电商运营经验，熟悉亚马逊 FBA 和天猫
- 管过供应商和小团队
- 中英文都写得清楚；习惯把流程写下来

## 流程
1. 1 月在 Boss 直聘和领英发招聘。
2. 老板电话初筛，30 分钟。
3. 案例题：用真实（脱敏）数据给前 5 个 SKU 做 Prime Day 备货计划。
4. 见 @[张敏] 和 @[王芳]；两人都同意才发 offer。

预算：月薪 2 万元，外加 FBA 准时入仓率和 ODR 的奖金。
"""

NEGOTIATION = """3 月年度议价的笔记。保密。

| 供应商 | 2024 年采购额 | 目标 | 底线 |
|---|---|---|---|
| 宁波厨具 | 61 万元 | 降 5% 或尾款账期 60 天 | 把 30% 的砧板量转给安吉竹业 |
| 义乌家居 | 42 万元 | 降 3%，外箱免费 | 价格不变，要求打样更快 |
| 阳江刀具厂 | 18 万元 | 价格不变，MOQ 从 300 降到 200 | 接受 MOQ 250 |

- 通话前准备好[[供应商验货]]的质量数据和评价记录。
- 宁波那通电话由 @[王芳] 主谈；老板只在最后拍板时加入。
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
