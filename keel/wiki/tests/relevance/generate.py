# ruff: noqa: E501 - page text reads best one paragraph per line
"""Writes the relevance corpus (corpus_a.py, corpus_b.py) deterministically: hand-written
answer pages per topic and language, plus families of near-duplicates and distractors made
from the same topics (per warehouse, supplier, SKU, country, week…), so ranking matters.

Run `python -m keel.wiki.tests.relevance.generate` after changing it; queries.py refers to
page ids, so append new pages at the end of a family list rather than reordering.
"""

from __future__ import annotations

import json
from pathlib import Path

Page = tuple[str, str, str]  # (lang, title, body)

# Data below: one page per line reads best.
# fmt: off
# --- Hand-written answer pages ---------------------------------------------------------------

CORE_HANS: list[Page] = [
    ("zh-hans", "退款政策（全平台）", "客户申请退款时按平台规则处理：亚马逊订单签收后 30 天内可退款，天猫执行七天无理由退货，Shopify 独立站 30 天内可退。质量问题的退货运费由我们承担，非质量问题由买家承担。退款在仓库确认收到退货后 2 个工作日内原路退回。售价低于 50 元且到货破损的商品可以仅退款，不用寄回，但要请客户拍照留证，供采购向供应商索赔。部分退款最多 20%，超过需要老板审批。绝不能用退款换客户删差评。"),
    ("zh-hans", "仅退款不退货的规则", "哪些情况可以直接退款、不让客户寄回商品：1. 商品售价低于 50 元或 15 美元，寄回运费比货值还高；2. 玻璃瓶、陶瓷等易碎品到货破损，寄回也无法二次销售；3. 快递丢件，物流商已确认。操作时在后台选择“仅退款”，备注原因，并把客户照片存进“售后记录”表。每月汇总仅退款金额，超过销售额 1% 要复盘原因。"),
    ("zh-hans", "库存盘点 SOP", "每月最后一个周五做全盘，其他周五按区循环盘点（A 区到 F 区轮流）。盘点步骤：1. 盘点前一小时停止出入库；2. 两人一组，一人数一人记，按库位顺序扫码；3. 差异超过 2% 的 SKU 复盘一次；4. 复盘后仍有差异，查最近 7 天的出入库记录和退货；5. 在 ERP 里提交盘点单，主管审核后调整库存。盘盈盘亏金额每月报给财务。FBA 库存不在这里盘，见“FBA 库存对账”。"),
    ("zh-hans", "增值税专用发票和普通发票怎么开", "国内批发客户要发票时，先确认开专票还是普票。增值税专用发票需要客户提供：公司名称、税号、开户行及账号、地址电话，税率 13%。普通发票只需要抬头和税号。开票在税务 UKey 的开票软件里操作，开完把 PDF 发到客户邮箱。天猫订单的发票由平台电子发票服务自动开具，买家在订单详情里下载。发票开错了不能作废的，要开红字发票冲销，见“红字发票（红冲）流程”。"),
    ("zh-hans", "红字发票（红冲）流程", "已经开出的发票如果跨月了，或者客户已经认证抵扣，就不能直接作废，要开红字发票冲销。常见场景：客户整单退货、开票金额错误、抬头写错。步骤：1. 专票由购买方在电子税务局提交《红字信息表》，我们收到信息表编号后开具红字专票；2. 普票由我们直接开具负数发票；3. 红冲完成后按正确信息重新开票。退货退款的订单记得同时红冲，否则收入会多报。"),
    ("zh-hans", "海运出口报关要准备的资料", "每票海运出口都需要：商业发票、装箱单、报关委托书、申报要素。申报要素要写清品名、材质、用途、品牌、型号，HS 编码由报关行确认，不能自己猜。竹制砧板归在 4419 章，硅胶保鲜盖归在 3924 章。发票金额必须和实际成交价一致，低报会被海关查验甚至罚款。货物进仓后 24 小时内把资料发给货代，截关前一天确认放行。"),
    ("zh-hans", "供应商验货标准（AQL）", "大货出货前必须验货。抽样按 GB/T 2828.1 一般检验水平 II，严重缺陷 0 接受，主要缺陷 AQL 2.5，次要缺陷 AQL 4.0。检验项目：数量和箱数、外箱唛头、尺寸公差 ±2 mm、外观（开裂、毛刺、色差）、功能测试、跌落测试、条码扫描。竹木制品还要测含水率，必须低于 12%。验货不合格的批次不付尾款，由供应商返工后重新验货，费用由供应商承担。"),
    ("zh-hans", "天猫大促活动报名流程", "天猫的 618、99 大促和双 11 都要提前报名。报名入口在商家中心的“营销活动中心”，类目小二会在群里通知时间。报名条件：店铺 DSR 评分不低于 4.7，近 30 天没有虚假交易处罚，活动价是近 30 天最低价。双 11 一般 9 月下旬报名，10 月 20 日开始预售，要提前准备预售定金玩法和店铺优惠券。报名后要在活动开始前 15 天把库存备齐。"),
    ("zh-hans", "淘宝直通车出价和关键词设置", "直通车按点击付费。新计划先用智能出价跑一周，收集数据后改成手动出价。关键词分三类：大词（如“砧板”）出价低、控制预算；精准长尾词（如“竹砧板 带凹槽 大号”）出价高；品牌词单独一个计划。每周看一次报表，点击率低于 1% 的词删掉，投产比（ROI）低于 2 的词降价。人群溢价优先给收藏加购过的人群。"),
    ("zh-hans", "差评处理流程", "收到三星及以下评价，24 小时内处理。先查订单，判断是质量问题、使用误解还是物流问题。天猫可以对评价做解释，语气要平和，不要和买家争辩；亚马逊通过“联系买家”按钮发送标准模板邮件。严禁用返现、退款、送礼换删评，这在所有平台都违规。每条差评在“评价记录”表里登记 SKU、批次和缺陷类型，同一缺陷一个月出现三次就通知采购找供应商整改。"),
    ("zh-hans", "亚马逊账户被停用后的申诉步骤", "账户或 Listing 被停用后不要慌，也不要反复提交。步骤：1. 在账户状况页面读清楚通知，确认违反的政策和涉及的 ASIN；2. 找出根本原因，比如 Listing 文案写了“抗菌”但没有检测报告；3. 先把问题改掉；4. 写行动计划（POA）：根本原因、已采取的纠正措施、防止再次发生的措施，用英文，条理清楚；5. 附上发票、检测报告等证据，一次提交完整。一般 3 到 7 天回复，被拒后根据反馈补充再申诉。"),
    ("zh-hans", "员工工资发放流程", "工资每月 10 日发放上个月的工资。5 日前人事汇总考勤、加班和请假，7 日前财务核算个税和社保公积金个人部分，8 日老板审批工资表，10 日通过银行代发。工资条通过邮件单独发给每个人，不在群里讨论工资。新员工当月按实际出勤天数计算，离职员工在离职当月的发薪日一次结清。"),
    ("zh-hans", "社保和公积金缴纳说明", "公司为所有正式员工缴纳五险一金，从入职当月开始。缴费基数按上一年度月平均工资确定，每年 7 月调整一次。深圳公积金单位和个人各 5%。新员工入职一周内提供身份证和社保卡信息，人事在电子社保平台办理增员；离职当月办理减员。实习生和兼职不缴纳社保，另行购买商业意外险。"),
    ("zh-hans", "新员工入职指南", "欢迎加入！入职第一天：签劳动合同，领电脑和工牌，开通企业微信、邮箱和 Keel 账号，打开两步验证。第一周：读公司历史和团队手册，跟着仓库走一遍收货和打包流程，跟客服值一个班，熟悉 FBA、ASIN、SKU 这些常用词。第二周：接手第一个周期任务，和老板做 30 分钟的入职复盘。试用期三个月，每月和直属上级聊一次。"),
    ("zh-hans", "产品包装规范", "所有产品出厂包装必须通过运输测试：整箱从 76 厘米高度按一角三棱六面跌落，产品和彩盒无损坏。彩盒使用 250 克白卡加 E 瓦楞，外箱使用五层 K=K 瓦楞纸箱，单箱毛重不超过 22 公斤。玻璃瓶要单独套珍珠棉袋，刀具刀刃必须加护套。彩盒上要印 SKU、条码、产地和环保标志，发往欧洲的还要印 CE 标志和回收标识。"),
    ("zh-hans", "产品拍摄规范（主图和场景图）", "主图：纯白背景 RGB 255,255,255，产品占画面 85% 以上，尺寸 2000×2000 像素，不加文字和水印。场景图至少三张：真实厨房、自然光，其中一张有人手入镜，展示尺寸感。细节图拍导流槽、拼接、纹理。天猫主图第五张用白底图，方便平台抓取。拍摄前一周确认拍摄清单，样品要擦干净、撕掉标签。原片和修图按 SKU 建文件夹保存。"),
    ("zh-hans", "报销流程", "因公垫付的费用在发生后 30 天内报销。在 Keel 建一个报销任务，附上发票照片和付款截图，写清用途。单笔 500 元以下直属上级审批，500 元以上老板审批。发票抬头必须是公司全称和税号，没有发票的费用不能报销（打车可用行程单）。财务每周五统一打款到工资卡。差旅住宿标准：一线城市每晚 450 元以内。"),
    ("zh-hans", "优惠券设置规则", "店铺优惠券分三种：店铺满减券、单品券、新客券。设置原则：1. 券后价不能低于成本价加平台佣金；2. 大促期间的优惠券要和平台跨店满减叠加计算，先算清最低到手价；3. 每张券都要设置领取上限，防止被刷；4. 亚马逊的 Coupon 每次领取收 0.6 美元费用，预算要算进去。设置完截图发到运营群，由第二个人核对折扣。"),
    ("zh-hans", "品牌备案和商标", "亚马逊品牌备案（Brand Registry）需要已注册或已申请的商标。我们的商标在美国、欧盟和中国都已提交申请。备案后可以使用 A+ 页面、品牌旗舰店、品牌分析和“联系买家”功能，也能投诉跟卖和侵权。备案负责人是老板，商标证书和申请号存在管理层空间。新站点上线前先确认当地商标状态。"),
    ("zh-hans", "仓库收货流程", "供应商送货到仓后：1. 核对送货单和采购单的单号、SKU、箱数；2. 签收前点箱数，外箱破损要在物流单上注明并拍照；3. 每 10 箱抽 1 箱开箱检查；4. 当天在 ERP 录入实收数量，货物上架。抽检不良率超过 2% 的批次暂不上架，当天通知采购，在付尾款前向供应商索赔。"),
    ("zh-hans", "客服话术：物流延误", "客户问快递为什么还没到时，先查物流轨迹再回复。参考话术：“您好，查到您的包裹在 X 月 X 日到达转运中心后暂时没有更新，我已经联系快递公司加急处理，有新进展会第一时间告诉您。给您添麻烦了，非常抱歉。”超过承诺时效 3 天仍未送达的，主动提出补发或退款。亚马逊 FBA 订单的物流问题引导客户联系亚马逊客服。"),
    ("zh-hans", "1688 采购注意事项", "在 1688 上找小批量包材和新品样品时：1. 优先选实力商家和源头工厂，看成立年限和回头率；2. 先买样品，不要直接下大单；3. 聊天记录里把规格、材质、交期写清楚，出了问题有据可查；4. 用支付宝担保交易，不要私下转账；5. 收货后 7 天内验货，有问题及时申请售后。长期合作的供应商转为线下签合同。"),
    ("zh-hans", "周会纪要模板", "每周一 10:00 开周会，30 分钟。议程：1. 上周销售额、广告花费和 ACoS；2. 库存预警：可售天数低于 30 天的 SKU；3. 采购和物流进度；4. 客服：未结案件、差评、退货率；5. 本周重点。纪要写在 Keel，每个待办事项都要建成任务并指定负责人和截止日期。"),
]

CORE_EN: list[Page] = [
    ("en", "Refund policy", "Customers can ask for a refund within 30 days of delivery on Amazon and Shopify. Orders placed in November and December can be returned until 31 January. If the item is defective we pay the return shipping; otherwise the customer does. We refund within two business days after the warehouse confirms the return, always to the original payment method. Items under $15 that arrive damaged are refunded without asking for the item back, but we ask for a photo so purchasing can claim from the supplier. Partial refunds of up to 20% can be offered for cosmetic damage; anything above needs the founder's approval. Never trade a refund for a changed review."),
    ("en", "Return merchandise authorization (RMA) process", "Shopify returns need an RMA number before the customer sends anything back. Customer service creates the RMA in the helpdesk, emails the customer a prepaid label if the item is defective, and notes the reason code. When the parcel arrives the warehouse grades it A (back to stock), B (open box) or C (damaged, supplier claim) and tells customer service, who then releases the refund. RMAs not used within 14 days expire automatically. Amazon returns do not use our RMA numbers; Amazon issues its own."),
    ("en", "Inventory cycle count procedure", "We count one zone of the stockroom every Friday and the whole stockroom on the last Friday of the month. Stop picking in the zone an hour before. Count in pairs: one person scans and counts, the other records. Any SKU with a difference above 2% is recounted; if the difference remains, check the last seven days of receipts, shipments and returns. Submit the count in the ERP; the warehouse lead approves adjustments, and the value of gains and losses goes to finance each month. FBA stock is reconciled separately with the inventory ledger report."),
    ("en", "Accounts payable: supplier invoice processing", "Supplier invoices arrive at invoices@. Bookkeeping matches each invoice to its purchase order and the goods received note (three-way match). Differences in quantity or price go back to purchasing before anything is paid. Deposits are paid when the PO is confirmed; balances only after the inspection report is approved. Payments run on Tuesdays and Fridays. Every invoice is filed in the shared drive by supplier and month, and its payment reference is entered in the ERP so the month-end close can find it."),
    ("en", "Customs classification and HS codes", "Every product needs a Harmonized System (HS) code before its first shipment. Our customs broker classifies new products; we never guess a code. The first six digits are international; the US adds four more. Bamboo cutting boards fall under 4419.11, silicone lids under 3924.10 and knife blocks under 4420.90. Section 301 tariffs apply on top of the normal duty for goods made in China. Declared values must match what we actually paid; an undervalued invoice once led to a customs hold and a fine."),
    ("en", "Choosing a shipping carrier", "Domestic Shopify orders in the US ship from our New Jersey 3PL with USPS Ground Advantage under 1 lb and UPS Ground above. Samples and urgent FBA top-ups go by DHL Express. Air freight to FBA under 100 kg goes by UPS; above 45 kg UPS is cheaper than DHL. Sea freight to FBA goes DDP with our forwarder, booked by Wednesday for the next week's sailing. Insure every sea shipment at 0.3% of cargo value. Compare quotes at least once a quarter."),
    ("en", "Supplier quality inspection (AQL)", "Every production order is inspected before the balance is paid. We sample with ANSI/ASQ Z1.4 general inspection level II: critical defects zero tolerance, major defects AQL 2.5, minor defects AQL 4.0. An order of 500 units means 50 are checked. The inspector checks quantity, carton marks, dimensions within 2 mm, finish, function, a carton drop test and barcode scans; bamboo must read under 12% moisture. A failed inspection means rework at the supplier's cost and a second inspection. Inspection reports are filed with the purchase order in the shared drive."),
    ("en", "Listing optimisation checklist", "Use this checklist whenever a listing is created or its sales drop. Title: brand, product, key feature, size and colour, under 125 characters. Bullet points: five, each starting with a benefit, answering the top customer questions, dimensions and care in the last two. Images: white main image, three lifestyle shots, a dimensions image and a video. Backend search terms under 249 bytes with no repeated words. A+ content with a comparison chart. Check the listing on a phone before publishing."),
    ("en", "PPC campaign structure and ACoS targets", "Each product family has four Sponsored Products campaigns: auto (harvests search terms at low bids), manual exact (terms with three or more orders), product targeting (competitor ASINs with lower ratings) and brand defence. Target ACoS is 45% during launch, 30% while growing and 20% for mature products. Every Tuesday add negative keywords for terms with 15 clicks and no order, move converting auto terms into manual exact, and check budgets do not run out before evening. Watch TACoS too: ad spend over total sales."),
    ("en", "Responding to negative reviews", "Answer every review of three stars or fewer within 24 hours. First check the order: defect, misunderstanding or shipping problem? On Amazon use the Contact Buyer button with Amazon's standard message; on Shopify reply publicly in a calm, factual tone and solve the issue by email. Never offer a refund, gift or discount in exchange for changing or removing a review. Log each review with SKU, batch and defect type; three reviews about the same defect in a month trigger a task for purchasing."),
    ("en", "Amazon account health appeal: plan of action", "When Amazon deactivates a listing or an account, write one complete plan of action rather than several quick appeals. Structure it in three parts: the root cause (what exactly went wrong and why), the corrective actions already taken (listing fixed, inventory checked, customers contacted), and the preventive measures (second-person review, daily account health check). Attach evidence such as invoices, test reports or corrected listing screenshots. Keep it factual and short, in English. Replies usually take three to seven days. Never open a second seller account while an appeal is pending; Amazon links accounts and closes both."),
    ("en", "UK VAT registration and returns", "Selling from UK stock requires UK VAT registration, whatever the turnover, because we are not established in the UK. Amazon collects VAT on orders under £135 shipped from outside the UK, but stock held in FBA UK makes us liable. Our accountant files quarterly returns through Making Tax Digital software. Keep the Amazon VAT transactions report, import VAT certificates (C79) and invoices for every quarter. Late filing brings penalty points, so returns are due one month and seven days after the quarter ends."),
    ("en", "Packaging guidelines for new products", "Every new product's retail box and carton must pass a drop test before the first order ships: the full carton dropped from 76 cm on one corner, three edges and six faces without damage. Retail boxes use 250 g board with E-flute; shipping cartons are five-ply and stay under 22 kg. Glass jars travel in foam sleeves and blades always have a cardboard guard. Print the SKU, barcode, country of origin and recycling marks; EU shipments also need the CE mark where it applies. Amazon's frustration-free packaging rules apply to FBA."),
    ("en", "Product photography guidelines", "Main image: pure white background (RGB 255, 255, 255), the product filling at least 85% of the frame, 2000 by 2000 pixels, no text or watermark. Add at least three lifestyle images in a real kitchen in daylight, one with hands for scale, a dimensions image and two detail shots. Shoot a 30-second video of unboxing and use. Clean samples and remove stickers before the shoot. Deliver raw and edited files in one folder per SKU so the listing assistant can find them."),
    ("en", "Customer service macros", "Macros save time but must never sound like a robot: always use the customer's name and mention the product. Core macros: where is my order, item arrived damaged, how to use or care for the product, refund confirmation, return instructions, and out of stock. Amazon messages must not contain links to our website or marketing. Review macros every quarter with the refund policy and update them when the policy changes. Log new questions that come up three times so we can write a new macro."),
    ("en", "New hire onboarding checklist", "Day one: contract signed, laptop, email, Keel account with two-factor authentication, and lunch with the team. Week one: read the company history and team handbook, walk through the warehouse, shadow a customer service shift, learn the glossary (FBA, ASIN, SKU, ACoS). Week two: take over a first recurring task, fix one confusing wiki page, and have a 30-minute check-in with the founder. Assistants and remote freelancers replace the warehouse walk with a video call. The probation period is three months, with a short check-in with your manager every month."),
    ("en", "Payroll schedule and process", "Salaries for a month are paid on the 10th of the next month. Attendance, overtime and leave are collected by the 5th; finance calculates income tax and social insurance by the 7th; the founder approves the payroll sheet on the 8th; the bank pays on the 10th. Payslips are emailed individually. Freelancers and overseas assistants invoice monthly and are paid by wire or Wise within seven days of the invoice. Never discuss salaries in group chats. New joiners are paid pro rata for their first month; leavers are paid in full on the last payday."),
    ("en", "FBA removal orders for unsellable inventory", "Customer returns that Amazon grades as unsellable stay in FBA and incur storage fees. On the first Monday of every month create a removal order: Inventory, Fulfilment, Removal orders, choose the unsellable units, ship to our US 3PL. Removal fees depend on size and weight. When the units arrive the 3PL grades them: resellable units are relabelled and sent back to FBA, the rest are recycled or claimed from the supplier. Check the reimbursements report too: Amazon owes us for units it damaged."),
    ("en", "Shopify chargebacks and disputes", "A chargeback is when a customer asks their bank to reverse a payment. Shopify emails us and holds the amount plus a $15 fee. Respond within the deadline in Shopify Payments with evidence: order details, tracking with delivery confirmation, customer emails and our refund policy. Fraud disputes need proof the customer received the goods; 'item not as described' disputes need photos and the listing text. Win rates are low without tracking, so always ship Shopify orders with tracking. Record every dispute and its outcome in the finance sheet so we can spot repeat fraud."),
    ("en", "3PL monthly invoice reconciliation", "Our New Jersey 3PL invoices on the 5th for receiving, storage, pick and pack, and shipping labels. Before paying, reconcile: receiving fees against the inbound shipments we sent, storage against the pallet count in their portal, pick and pack against the Shopify order count, and labels against carrier invoices. Differences above $50 are disputed by email within 14 days, as the contract allows. File the reconciliation sheet with the invoice for the month-end close. Storage is billed per pallet per month, so consolidating half-empty pallets before the 1st saves money."),
    ("en", "Prime Day preparation", "Prime Day is in July. Submit Lightning Deals and Prime exclusive discounts in Seller Central by the deadline, usually six weeks before. Stock must arrive at FBA at least two weeks before the event, so sea freight leaves China in early May. Raise PPC budgets by 50% on the day and the two days after. Prepare coupons, check that the deal price is the lowest in 30 days, and schedule an extra customer service shift for the week after. After the event, write a short retrospective in the wiki while the numbers are fresh."),
    ("en", "Trademark and Amazon Brand Registry", "Amazon Brand Registry needs a registered or pending trademark in the marketplace's country. Once enrolled we get A+ content, the brand store, Brand Analytics, the Contact Buyer button and tools to report counterfeit sellers and hijacked listings. Our trademark application numbers and certificates are kept in the management space. Before launching on a new marketplace confirm the local trademark status; filing in the EU covers all member states, the UK needs its own. Renewal dates are tracked as recurring tasks owned by the founder's seat."),
]

CORE_HANT: list[Page] = [
    ("zh-hant", "退款流程（蝦皮與官網）", "顧客申請退款時，先確認訂單平台。蝦皮訂單依七天鑑賞期處理，顧客在 App 申請退貨退款，我們收到退貨並確認商品狀況後同意退款，款項由蝦皮退回。官網 Shopify 訂單 30 天內可退，收到退貨後 2 個工作天內原路退款。瑕疵品的退貨運費由我們負擔。退款後記得開立銷貨折讓單或作廢電子發票，月底交給記帳士。"),
    ("zh-hant", "電子發票開立與作廢", "蝦皮和官網的每筆訂單都要開立電子發票。顧客可以選擇存入手機條碼載具、自然人憑證載具、捐贈，或打統一編號開立三聯式發票。開錯或整筆退貨時：當期（同一個雙月）內可以直接作廢，跨期就要開立銷貨折讓單。作廢和折讓都要在系統上傳到財政部電子發票平台。每月底對一次帳，確認開立張數和平台訂單數一致。"),
    ("zh-hant", "庫存盤點作業", "每月最後一個星期五全盤，其他星期五依區輪流抽盤。盤點前一小時停止出入庫，兩人一組，一人點數一人記錄，依儲位順序掃描條碼。差異超過 2% 的品項要複盤；複盤後還有差異，就查最近 7 天的進出貨和退貨紀錄。盤點單在 ERP 送出，由倉儲主管核准後調整庫存，盤盈盤虧金額每月交給財務。"),
    ("zh-hant", "報關與稅則號別", "每項新商品出口前都要先確認 HS Code（稅則號別），由報關行判定，不要自己猜。竹砧板歸在 4419 節，矽膠保鮮蓋歸在 3924 節。商業發票上的金額必須是實際成交價，低報可能被海關查驗甚至罰款。每批貨都要準備商業發票、裝箱單和提單；進口到台灣的樣品和包材，透過桃園的報關行處理。"),
    ("zh-hant", "蝦皮出貨與店到店", "蝦皮訂單要在 2 個工作天內出貨，延遲出貨會被記點，累積太多點會失去優選賣家資格。宅配訂單由黑貓宅急便每天 16:30 到倉收件；店到店訂單列印蝦皮的寄件標籤，下午送到附近的 7-ELEVEN 或全家寄件。出貨後系統會自動通知顧客。大型商品（超過 5 公斤或長邊超過 45 公分）不能走店到店，要改宅配。"),
    ("zh-hant", "客服常用回覆：包裹延遲", "顧客問包裹怎麼還沒到時，先查物流狀態再回覆。參考回覆：「你好，查到你的包裹在 X 月 X 日抵達轉運站後還沒有更新，我已經請物流加快處理，有進度會馬上通知你。造成不便真的很抱歉。」超過預計送達時間 3 天還沒到，就主動提出補寄或退款。Amazon FBA 訂單的物流問題，請顧客直接聯絡 Amazon 客服。"),
    ("zh-hant", "新人教育訓練", "新同事第一週的教育訓練：第一天簽勞動契約、領電腦、開通公司信箱和 Keel 帳號並開啟兩步驟驗證。第一週讀公司沿革和團隊手冊，到桃園倉庫走一遍進貨和包裝流程，跟客服值一次班，認識 FBA、ASIN、SKU 等常用名詞。第二週開始負責第一個週期性任務。試用期三個月，每月和主管面談一次。"),
    ("zh-hant", "薪資發放流程", "每月 5 日發放上個月的薪資。1 日前彙整出勤、加班和請假紀錄，3 日前計算勞健保自付額和所得稅扣繳，4 日由老闆核准薪資表，5 日由銀行轉帳入薪資帳戶。薪資單以電子郵件個別寄送，不在群組討論薪資。新進員工當月依實際到職天數計算，離職員工在最後一個發薪日結清。"),
    ("zh-hant", "勞保、健保與勞退提繳", "公司幫所有正職員工投保勞保、健保，並提繳 6% 勞工退休金，從到職當天生效。投保薪資依月薪對照投保級距，每年 2 月和 8 月檢查一次是否需要調整。新人到職前一天由人事在勞保局 e 化服務系統辦理加保；離職當天辦理退保。兼職人員也要加保勞保和職災保險，健保則依本人狀況決定。"),
    ("zh-hant", "退貨處理流程", "退回的包裹到倉後：1. 在 ERP 依訂單編號登記退貨，替商品拍照；2. 分級：A 級未拆封回庫存，B 級拆過但可用就重新包裝當福利品，C 級損壞放瑕疵區，每月退回供應商求償或回收；3. 當天把分級結果告訴客服，客服才能核准退款。FBA 的退貨由 Amazon 分級，每月申請一次移除訂單。"),
    ("zh-hant", "商品攝影規範", "主圖：純白背景，商品佔畫面 85% 以上，2000 × 2000 像素，不加文字和浮水印。情境照至少三張：真實廚房、自然光，其中一張有手入鏡，讓人看得出尺寸。細節照拍導流槽、接合處和紋理。蝦皮封面可以加品牌框，但 Amazon 主圖不行。拍攝前一週確認拍攝清單，樣品要擦乾淨、撕掉標籤，原始檔依 SKU 分資料夾存放。"),
    ("zh-hant", "營業稅申報", "營業稅每兩個月申報一次，在單數月 15 日前申報上一期（例如 5 月 15 日前申報 3–4 月）。申報前要核對：電子發票開立、作廢、折讓的張數和金額，進項發票（供應商、平台手續費、廣告費）是否都已取得。Amazon 和 Shopify 的境外收入屬於外銷，適用零稅率，要保留出口證明。申報由記帳士處理，我們在 10 日前把資料給他。"),
    ("zh-hant", "Amazon 帳號停權申訴", "帳號或商品頁被停權時，先不要急著送出申訴。步驟：1. 在帳號健康狀況頁面讀清楚通知，確認違反哪項政策、哪些 ASIN；2. 找出根本原因；3. 先把問題修正；4. 用英文寫行動計畫（POA），分成根本原因、已採取的改善措施、預防再發生的措施三部分；5. 附上發票、檢驗報告等證明，一次送齊。通常 3 到 7 天會有回覆。"),
    ("zh-hant", "蝦皮廣告與關鍵字", "蝦皮關鍵字廣告依點擊計費。新商品先用自動選字跑一週，再改成手動挑選關鍵字。每週檢查一次：點擊率低於 1% 的字詞移除，廣告投資報酬率（ROAS）低於 3 的字詞降低出價。檔期前三天把預算加倍，檔期結束後調回。商品頁標題要包含主要關鍵字，廣告才會有好的品質分數。"),
    ("zh-hant", "包裝規範", "所有商品出貨前都要通過運輸測試：整箱從 76 公分高度依一角三邊六面摔落，商品和彩盒不能損壞。彩盒用 250 磅白卡加 E 浪，外箱用五層瓦楞紙箱，單箱毛重不超過 22 公斤。玻璃瓶要個別套氣泡袋，刀具刀刃一定要加護套。彩盒上印 SKU、條碼、產地和回收標誌。"),
]

CORE_MIXED: list[Page] = [
    ("mixed", "FBA 退货处理流程", "FBA 订单的退货由亚马逊处理：买家在后台申请，亚马逊提供退货面单，退回 FBA 仓后由亚马逊判定 Sellable 或 Unsellable。可售的自动回到可售库存；不可售的会一直产生仓储费，所以每月第一个周一创建 Removal Order，把不可售库存移除到美国 3PL 海外仓。3PL 收到后重新检查：能卖的重新贴 FNSKU 标签补回 FBA，不能卖的销毁或找供应商索赔。同时查看 Reimbursement 报告，亚马逊弄坏或丢失的货要申请赔偿。"),
    ("mixed", "ASIN 被下架（Listing suppressed）怎么办", "Listing 被 suppressed 一般是因为缺少必填属性、主图不合规（非白底、有文字）、价格异常或者违反政策（比如写了 antibacterial 却没有检测报告）。处理步骤：1. 在 Manage All Inventory 里筛选 Suppressed，看具体原因；2. 缺属性的直接补全；3. 主图问题换成白底图；4. 涉及政策的，去 Account Health 看通知，按要求提交文件或写 POA 申诉。修好后一般 15 分钟到 24 小时恢复。"),
    ("mixed", "3PL 海外仓月度对账", "美国 3PL 每月 5 号出账单，包含入库费、仓储费、Pick & Pack 和快递面单费。付款前要对账：入库费对照我们发出的入库单，仓储费对照 3PL 系统里的托盘数，Pick & Pack 对照 Shopify 订单数，面单费对照承运商账单。差异超过 50 美元的，14 天内邮件提出异议（合同允许）。对账表和账单一起存档，月结时用。"),
    ("mixed", "SKU 命名规则", "SKU 格式：品类-材质-规格-颜色，例如 KB-BAM-L-NAT 表示大号原色竹砧板。品类代码：KB 砧板、SR 香料架、SL 硅胶保鲜盖、KN 刀座、DO 抽屉收纳。组合装在末尾加 -SET2、-SET3。同一个 SKU 在亚马逊各站点对应不同 ASIN，但 SKU 保持不变；FBA 的 FNSKU 由亚马逊生成。新 SKU 由采购在 ERP 创建，不能重复使用已停产的编号。"),
    ("mixed", "PPC 广告 ACoS 优化方法", "ACoS 太高时按顺序检查：1. 搜索词报告里点击 15 次以上没出单的词，加 negative exact；2. 出价高于建议竞价上限的词，降低 10%；3. 转化率低的，先检查 Listing（价格、评分、主图）而不是一味降价；4. 自动广告里出单的词，移到 manual exact 单独出价。目标 ACoS：新品 45%，成长期 30%，成熟期 20%。同时看 TACoS，整体广告占比不超过 12%。"),
    ("mixed", "Listing 优化 checklist", "新 Listing 上线或者销量下滑时逐项检查：Title 含核心关键词，不超过 125 字符；五点描述（Bullet Points）每条开头写卖点；主图白底、占画面 85%；至少 6 张图加 1 个视频；Backend Search Terms 不超过 249 字节，不重复标题里的词；A+ 页面带对比图；Q&A 回答前三个常见问题；价格和 Coupon 有竞争力。改完用手机看一遍。"),
    ("mixed", "德国 VAT 申报和 EPR", "在德国 FBA 仓有库存就必须注册德国 VAT。会计每月或每季度申报，需要的资料：Amazon VAT Transactions Report、进口增值税凭证、采购发票。申报截止日是次月 10 日，可申请延期一个月。另外德国要求包装法 EPR 注册（LUCID 号）和电子电器 WEEE 注册（如适用），没有 LUCID 号亚马逊会下架商品。VAT 号和 LUCID 号都存在管理层空间。"),
    ("mixed", "FBA 入仓发货 SOP", "发 FBA 之前先算数量：按补货表的可售天数和 Prime Day、黑五等旺季需求。在 Seller Central 的 Send to Amazon 创建货件，确认分仓；每件商品贴 FNSKU 标签，每箱贴 FBA 箱标。单箱不超过 23 kg，任一边不超过 63.5 cm。订好货代后把 Shipment ID 发给货代，提货后 24 小时内上传追踪号。海运提前 6 周，空运提前 2 周。"),
    ("mixed", "HS 编码：硅胶保鲜盖", "硅胶保鲜盖（SKU SL-*）的 HS code 是 3924.10.4000（塑料制餐具及厨房用具），美国基本关税 3.4%，另加 301 关税。出口中国端申报要素：品名、材质（食品级硅胶）、用途（厨房密封盖）、品牌、型号。美国 FDA 要求食品接触材料符合 21 CFR 177.2600，出货前必须有检测报告；发往德国还要 LFGB 报告。"),
    ("mixed", "Prime Day 备货计划", "Prime Day 在 7 月，货要在活动前至少 2 周入 FBA 仓，所以海运要在 5 月初从宁波出港。备货数量 = 平时日均销量 × 活动预估倍数（去年是 3.5 倍）× 活动天数 + 活动后两周的正常销量。Lightning Deal 和 Prime 专享折扣提前 6 周在后台提交。活动当天 PPC 预算提高 50%。库存不够时优先保证 Top 5 SKU。"),
    ("mixed", "Amazon VAT 發票怎麼開", "Amazon 歐洲站的 B2B 買家常要求 VAT invoice。開啟 Amazon 的 VAT Calculation Service（VCS）後，平台會自動替我們開立發票並上傳，買家在訂單頁下載。沒有開啟 VCS 的話，要在訂單出貨後 1 個工作天內手動上傳 PDF 發票，否則會影響帳號績效中的「發票上傳率」。發票要寫明我們的德國 VAT 號、買家 VAT 號和稅率。"),
    ("mixed", "FBA 庫存盤點與對帳", "FBA 的庫存不是我們自己盤，要用報表對帳。每月月初下載 Inventory Ledger 報表，比對：期初 + 入庫 − 銷售 − 移除 ± 調整 = 期末。差異通常來自 Lost、Damaged 或入庫短少（Shipment discrepancy）。入庫短少要在貨件關閉後 60 天內開 case 申請調查；遺失或損壞的，確認 Reimbursement 報告裡有沒有賠償。"),
    ("mixed", "Shopify 订单 Chargeback 处理", "Shopify 收到 chargeback（拒付）后会冻结订单金额并收 15 美元手续费。要在截止日前在 Shopify Payments 里提交证据：订单详情、带签收记录的物流追踪、和客户的邮件往来、退款政策截图。欺诈类拒付要证明客户收到了货；货不对版的要提供商品照片和 Listing 描述。没有物流追踪基本打不赢，所以 Shopify 订单一律用带追踪的物流。"),
    ("mixed", "客服 macro：退款进度查询", "客户问退款什么时候到账时的回复模板。中文：“您好，您的订单 {order} 已于 {date} 退款 {amount}，原路退回，银行一般 3–5 个工作日到账，信用卡可能要到下一个账单周期。”English: “Hi {name}, your refund of {amount} for order {order} was issued on {date} to your original payment method. It usually appears within 3–5 business days.” 超过 10 天没到账的，在后台截图退款记录发给客户。"),
    ("mixed", "Tmall 店铺 DSR 评分维护", "DSR 是天猫店铺的三项动态评分：描述相符、服务态度、物流服务，低于 4.7 很多大促报不上。维护方法：1. 主图和详情页不夸大，尺寸写清楚；2. 旺旺 30 秒响应，SOP 见客服话术；3. 48 小时内发货，用顺丰；4. 差评 24 小时内跟进。每周一在生意参谋看 DSR 走势，下降 0.02 以上要在周会上复盘。"),
]

# --- Families of near-duplicates and distractors -------------------------------------------------

WAREHOUSES = [
    ("深圳龙华仓", "国内订单和 FBA 补货", 1800),
    ("美国新泽西 3PL 仓", "美国 Shopify 订单", 620),
    ("德国 Rhein 3PL 仓", "亚马逊德国站和 Shopify 欧洲订单", 410),
    ("义乌中转仓", "包材和待发 FBA 的大货", 950),
]
MONTHS = ["2025 年 3 月", "2025 年 6 月", "2025 年 9 月", "2025 年 12 月"]
DIFF_REASONS = [
    "退货入库漏录了两单，补录后差异消除",
    "一箱香料架放错库位（放进了 E 区），已移回 B 区",
    "供应商少发一箱砧板，送货单写的是 40 箱实收 39 箱，已向供应商索赔",
    "打包时拆了组合装，ERP 没做组装拆分单，已补单",
]


def inventory_records() -> list[Page]:
    pages = []
    for wi, (name, use, cartons) in enumerate(WAREHOUSES):
        for mi, month in enumerate(MONTHS):
            diff = (wi * 3 + mi * 5) % 7 + 1
            reason = DIFF_REASONS[(wi + mi) % len(DIFF_REASONS)]
            pages.append(
                (
                    "zh-hans",
                    f"{name}盘点记录（{month}）",
                    f"{month}底{name}月度全盘结果。该仓主要存放{use}，账面约 {cartons} 箱。本次共盘点 {cartons // 10 + mi * 3} 个库位，"
                    f"差异 SKU {diff} 个，差异金额 {diff * 137} 元。主要原因：{reason}。盘点按库存盘点 SOP 执行，两人一组复盘。"
                    f"下次盘点前要先处理完待上架的到货，避免在途货物重复计数。",
                )
            )
    return pages


SUPPLIERS = [
    ("宁波厨具有限公司", "宁波", "竹砧板", "30/70", 25, "质量稳定但经常拖交期，春节前后要提前两个月下单"),
    ("义乌家居贸易有限公司", "义乌", "香料架和抽屉收纳盒", "30/70", 30, "配合度高，打样快，包装偶尔有压痕"),
    ("深圳明亮硅胶制品有限公司", "深圳", "硅胶保鲜盖", "50/50", 20, "新供应商，颜色批次差异大，每批对照封样"),
    ("阳江刀具厂", "阳江", "刀座和磁吸刀架", "30/70", 35, "刀座做工好，MOQ 300，交期长"),
    ("安吉竹业有限公司", "安吉", "竹砧板（第二货源）", "30/70", 28, "2024 年打样通过，价格比宁波低 4%"),
    ("东莞印刷包装有限公司", "东莞", "彩盒和说明书", "月结 30 天", 7, "打样三天，印刷色准"),
    ("福建绿家居有限公司", "福州", "竹制收纳盒", "30/70", 30, "样品含水率偏高，暂未合作"),
    ("浙江木艺工坊", "温州", "木质托盘", "50/50", 40, "手工好但产能小，只适合小批量"),
    ("揭阳不锈钢制品厂", "揭阳", "不锈钢香料罐盖", "30/70", 25, "需要盐雾测试报告"),
    ("临沂纸品有限公司", "临沂", "外箱和珍珠棉", "款到发货", 5, "价格低，外箱强度要抽检"),
]


def supplier_profiles() -> list[Page]:
    pages = []
    for name, city, product, terms, lead, note in SUPPLIERS:
        pages.append(
            (
                "zh-hans",
                f"供应商档案：{name}",
                f"{name}位于{city}，为我们供应{product}。付款条件 {terms}，正常生产周期 {lead} 天。评价：{note}。"
                f"验货按公司 AQL 标准执行，验货报告通过后才付尾款。对接人和电话见联系人目录，合同和报价单存在采购空间。",
            )
        )
    trad = {
        "宁波厨具有限公司": "寧波廚具有限公司",
        "义乌家居贸易有限公司": "義烏居家用品貿易有限公司",
        "深圳明亮硅胶制品有限公司": "深圳明亮矽膠製品有限公司",
        "阳江刀具厂": "陽江刀具廠",
        "安吉竹业有限公司": "安吉竹業有限公司",
    }
    trad_notes = [
        "品質穩定但常延遲交貨，農曆年前後要提早兩個月下單",
        "配合度高，打樣快，包裝偶爾有壓痕",
        "新供應商，顏色批次差異大，每批都要對照標準樣",
        "刀座做工好，MOQ 300，交期長",
        "2024 年打樣通過，價格比寧波低 4%",
    ]
    trad_products = [
        "竹砧板",
        "香料架和抽屜收納盒",
        "矽膠保鮮蓋",
        "刀座和磁吸刀架",
        "竹砧板（第二貨源）",
    ]
    for (name, _city, _p, terms, lead, _n), note, product in zip(
        SUPPLIERS[:5], trad_notes, trad_products, strict=True
    ):
        tname = trad[name]
        pages.append(
            (
                "zh-hant",
                f"供應商資料：{tname}",
                f"{tname}供應我們的{product}。付款條件 {terms}，生產週期約 {lead} 天。評價：{note}。"
                f"驗貨依公司 AQL 標準，驗貨報告核可後才付尾款。聯絡窗口見聯絡人目錄，合約存放在採購空間。",
            )
        )
    return pages


SKUS = [
    ("KB-BAM-L", "Bamboo cutting board, large (45 x 30 cm)", "B0C7KBL001", "juice groove, reversible, hand wash only", "bamboo cutting board"),
    ("KB-BAM-M", "Bamboo cutting board, medium (38 x 25 cm)", "B0C7KBM002", "juice groove, fits in dishwasher racks but must be hand washed", "cutting board medium"),
    ("KB-BAM-SET3", "Bamboo cutting board set of 3", "B0C7KBS003", "three sizes, hanging holes", "cutting board set"),
    ("SR-BAM-12", "Rotating spice rack with 12 glass jars", "B0C8SRK012", "labels included, funnel included", "spice rack with jars"),
    ("SR-BAM-20", "Two-tier spice rack with 20 jars", "B0C8SRK020", "expandable, fits cabinets 30 cm deep", "spice organizer cabinet"),
    ("SL-SIL-6", "Silicone stretch lids, set of 6", "B0C9SLD006", "BPA-free, food-grade silicone, oven safe to 230 C", "silicone lids"),
    ("SL-SIL-12", "Silicone stretch lids, set of 12", "B0C9SLD012", "for bowls, cans and half fruits", "reusable stretch lids"),
    ("KN-BAM-UNI", "Universal bamboo knife block", "B0CAKNB001", "bristle insert, holds 16 knives", "knife block without knives"),
    ("KN-MAG-40", "Magnetic knife strip, 40 cm", "B0CAKNM040", "stainless steel, screws included", "magnetic knife holder"),
    ("DO-BAM-5", "Expandable bamboo drawer organiser, 5 slots", "B0CBDOB005", "expands from 33 to 53 cm", "drawer organizer"),
    ("DO-BAM-7", "Expandable bamboo drawer organiser, 7 slots", "B0CBDOB007", "for deep drawers", "utensil organizer"),
    ("PT-WOO-S", "Wooden serving tray, small", "B0CCPTW001", "handles, oiled acacia", "serving tray"),
]


def sku_listing_notes() -> list[Page]:
    pages = []
    for i, (sku, name, asin, features, term) in enumerate(SKUS):
        conv = 8 + (i * 7) % 9
        pages.append(
            (
                "en",
                f"Listing notes: {sku}",
                f"{name}, ASIN {asin}, SKU {sku}. Key features for the bullets: {features}. The best converting search term is "
                f"'{term}' at a {conv}% conversion rate; it must stay in the title. Main image was reshot in the last photo session; "
                f"the third lifestyle image still shows the old packaging and should be replaced. Competitors price this between "
                f"${14 + i * 2}.99 and ${22 + i * 2}.99; we sit in the middle and use a 10% coupon outside deal weeks. Open questions "
                f"from customers are answered in the Q&A tab every Thursday. Last listing review was done by the listing assistant.",
            )
        )
    for i, (sku, name, asin, _features, term) in enumerate(SKUS[:8]):
        pages.append(
            (
                "mixed",
                f"Listing 优化记录：{sku}",
                f"{sku}（ASIN {asin}，{name}）本季度的 Listing 调整：标题加入核心词 “{term}”，五点描述第一条改成卖点开头，"
                f"补了一张尺寸图。调整后两周 Sessions 上升 {12 + i * 3}%，转化率从 {9 + i % 4}% 到 {11 + i % 5}%。下一步：补 A+ 对比图，"
                f"回答 Q&A 里关于清洗方式的问题。",
            )
        )
    return pages


HS_PRODUCTS = [
    ("竹砧板", "4419.11.0000", "3.2%", "竹制菜板，申报为竹制品，不能写成木制品"),
    ("香料架（竹制带玻璃瓶）", "4419.90.9000", "3.2%", "玻璃瓶和架子按成套货品申报"),
    ("刀座（不含刀）", "4420.90.8000", "3.2%", "木制刀座，不含刀具，含刀具的要改归类"),
    ("磁吸刀架", "8302.50.0000", "3.9%", "不锈钢贱金属支架，归在 8302"),
    ("抽屉收纳盒（竹制）", "4421.99.9880", "3.3%", "竹制其他制品"),
    ("木质托盘", "4419.90.9000", "3.2%", "相思木餐盘，和香料架同一编码"),
]


def hs_pages() -> list[Page]:
    pages = []
    for product, code, duty, note in HS_PRODUCTS:
        pages.append(
            (
                "zh-hans",
                f"HS 编码：{product}",
                f"{product}出口美国使用 HS 编码 {code}，美国基本关税 {duty}，原产中国另加 301 关税。归类说明：{note}。"
                f"编码由报关行确认，新品上线前要先问报关行。申报要素写清材质、用途、品牌和型号，发票金额按实际成交价。",
            )
        )
    return pages


CARRIERS = [
    ("en", "Carrier notes: DHL Express", "DHL Express is our carrier for samples to and from suppliers and for urgent FBA top-ups by air. Book pick-ups before 3 pm in MyDHL+ with our account number. Transit from Shenzhen to the US is three to four working days. Volumetric weight is length times width times height in centimetres divided by 5000, so light bulky cartons cost more than their weight suggests. Duties for samples are billed to the receiver unless we mark the waybill DTP. Keep commercial invoices with a realistic sample value."),
    ("en", "Carrier notes: UPS air freight", "UPS carries our air freight to FBA warehouses when a shipment is under 100 kg and cannot wait for sea freight. Above 45 kg UPS is cheaper than DHL on our contract rates. Each carton must carry the FBA carton label and a UPS label; the shipment is created in Seller Central with UPS as the partnered carrier when that is cheaper. Transit is five to seven days including customs. Fuel surcharges change weekly, so quote again for every shipment."),
    ("en", "Carrier notes: USPS and UPS Ground from the 3PL", "Our New Jersey 3PL ships Shopify orders with USPS Ground Advantage for parcels under one pound and UPS Ground above that. Labels are bought through the 3PL's ShipStation account and billed monthly. Average delivery is three business days to the East Coast and five to the West Coast. Parcels over 20 inches on a side get a dimensional surcharge, so the large cutting board ships in a flat box. Lost parcels are claimed by the 3PL after ten business days."),
    ("zh-hans", "物流商说明：顺丰速运", "顺丰负责天猫和国内 Shopify 订单的配送，每天 16:30 到深圳龙华仓揽收，月结。时效：珠三角次日达，全国 2–3 天。易碎品（香料架玻璃瓶）要加保价，保价费率 0.5%。顺丰的电子面单通过 ERP 打印，单号自动回传到天猫。丢件或破损 7 天内在顺丰小程序提交理赔，附开箱照片。"),
    ("zh-hans", "物流商说明：菜鸟", "菜鸟主要用于天猫退货和跨境小包。天猫买家退货时可以选择菜鸟上门取件，退货地址统一填深圳龙华仓。跨境小包（寄给海外个人客户的样品、小额补发）用菜鸟无忧物流，在天猫后台直接下单，全程追踪。大件货不用菜鸟，走顺丰或货代。"),
    ("zh-hans", "物流商说明：海运货代", "海运 FBA 由海联物流负责，双清包税（DDP）到美国和欧洲亚马逊仓。每周三前把箱数、重量、体积发给货代，赶下周的船期。美国海运约 30 天（含清关和派送），欧洲约 40 天。货代报价包含清关费和关税预估，保险另买，费率为货值 0.3%。旺季（9–11 月）舱位紧张，要提前两周订舱。"),
    ("zh-hant", "物流商說明：黑貓宅急便", "黑貓宅急便負責蝦皮宅配和官網台灣訂單，每天 16:30 到桃園倉收件，月結。一般隔日送達，離島約 3 天。易碎品要貼「易碎」貼紙並加購保價。託運單由 ERP 列印，追蹤編號會自動回傳蝦皮。遺失或破損要在 7 天內透過客服專線申請理賠，附上開箱照片。"),
    ("zh-hant", "物流商說明：新竹物流", "新竹物流用在超過黑貓材積限制的大件貨，例如整箱補貨給批發客戶。每週二、四固定到倉收貨，運費依才數計算。送達時間 1 到 2 天，不提供指定時段。批發客戶簽收時要點清箱數，有破損當場拍照並在簽收單上註明。"),
]

CS_SCENARIOS = [
    ("商品破损", "收到的商品破损", "先道歉，请客户拍照（外箱和商品各一张），确认后直接补发或退款，不用寄回。照片存进售后记录，转给采购索赔。"),
    ("发错货", "发错了颜色或尺寸", "先道歉，告诉客户我们马上补发正确的商品，错发的商品附上退货面单寄回，运费由我们承担。同时通知仓库查拣货记录。"),
    ("使用方法", "竹砧板怎么保养", "竹砧板请手洗后立即擦干，竖放晾干，每月用食用矿物油擦一次。不要放洗碗机，也不要长时间泡水，否则会开裂。"),
    ("缺货", "商品什么时候补货", "告诉客户预计到货日期（以采购单为准，不要随口承诺），可以帮客户登记到货提醒，或者推荐相近的替代款。"),
    ("催发货", "下单后还没发货", "先查订单状态：48 小时内未发货的，告诉客户今天一定发出并附单号；如果是缺货，主动提出退款或等待。"),
    ("开发票", "客户要发票", "天猫订单的电子发票在订单详情页下载；需要专票的，请客户提供公司名称、税号、开户行和地址电话，我们三个工作日内开出。"),
    ("改地址", "下单后要改收货地址", "未发货的订单可以直接改地址并备注；已发货的联系快递改派，可能产生额外运费，提前告知客户。"),
    ("价保", "买完就降价了要求退差价", "天猫 15 天内价保：下单后 15 天内同款降价，按差价退还。活动价、赠品和优惠券差额不在价保范围，要向客户说清楚。"),
]


def cs_macros() -> list[Page]:
    pages = []
    for key, question, answer in CS_SCENARIOS:
        pages.append(
            (
                "zh-hans",
                f"客服话术：{key}",
                f"场景：客户说“{question}”。处理原则：{answer} 回复时称呼客户，用“您好”开头，语气真诚，不推卸责任。"
                f"需要退款的按退款政策执行，同一个问题一周出现三次以上，在周会上提出来。",
            )
        )
    en = [
        (
            "Item arrived damaged",
            "Apologise, ask for one photo of the item and one of the box, then send a replacement or refund straight away without asking for the item back. File the photos for the supplier claim.",
        ),
        (
            "Wrong item received",
            "Apologise, ship the correct item today and email a prepaid return label for the wrong one. Ask the warehouse to check the picking record so it does not happen again.",
        ),
        (
            "How to care for bamboo",
            "Wash by hand, dry straight away and stand upright. Oil once a month with food-grade mineral oil. Never put it in the dishwasher or leave it soaking.",
        ),
        (
            "When will it be back in stock",
            "Give the date from the purchase order, not a guess. Offer to email the customer when it arrives, or suggest a similar product that is in stock.",
        ),
        (
            "Cancel my order",
            "If the order has not shipped, cancel it and confirm by email. If it has shipped, explain that the customer can refuse delivery or return it within 30 days for a refund.",
        ),
        (
            "Change shipping address",
            "Before shipping we simply update the address. After shipping we ask the carrier to redirect, which may cost extra; tell the customer before doing it and confirm the new address in writing.",
        ),
    ]
    for subject, answer in en:
        pages.append(
            (
                "en",
                f"Macro: {subject}",
                f"When a customer writes about this: {answer} Always greet the customer by name and mention the product by its name, not its SKU. "
                f"Amazon messages must not include links or marketing. If the same question comes up three times in a week, raise it in the weekly meeting so we can fix the cause.",
            )
        )
    hant = [
        (
            "商品破損",
            "先道歉，請顧客拍照（外箱和商品各一張），確認後直接補寄或退款，不用寄回。照片存進售後紀錄，轉給採購求償。",
        ),
        (
            "寄錯商品",
            "先道歉，告訴顧客我們今天就補寄正確的商品，寄錯的商品請顧客用我們提供的退貨單寄回，運費由我們負擔。",
        ),
        (
            "竹砧板保養",
            "竹砧板請用手洗後馬上擦乾，直立晾乾，每個月用食用礦物油擦一次。不要放洗碗機，也不要長時間泡水。",
        ),
        (
            "何時補貨",
            "告訴顧客預計到貨日（以採購單為準，不要隨口承諾），可以幫顧客登記到貨通知，或推薦類似的商品。",
        ),
        (
            "更改收件地址",
            "還沒出貨的訂單可以直接修改地址；已出貨的請物流改派，可能有額外運費，要先告知顧客。",
        ),
        (
            "發票問題",
            "蝦皮訂單的電子發票會寄到顧客的電子信箱；需要打統一編號的，請顧客在下單時填寫，已開立的可作廢後重開（限當期）。",
        ),
    ]
    for subject, answer in hant:
        pages.append(
            (
                "zh-hant",
                f"常用回覆：{subject}",
                f"情境：顧客詢問{subject}。處理原則：{answer} 回覆時稱呼顧客，語氣真誠，不推卸責任。需要退款的依退款流程處理；同一個問題一週出現三次以上，在週會提出。",
            )
        )
    return pages


VAT_COUNTRIES = [
    ("Germany", "19%", "7% for some food items", "monthly in the first two years, then quarterly", "the 10th of the following month", "a LUCID packaging registration number"),
    ("France", "20%", "5.5% for some food items", "monthly", "between the 19th and 24th of the following month", "an EPR number for packaging and furniture"),
    ("Italy", "22%", "10% for some items", "quarterly with annual return", "the 16th of the second month after the quarter", "a fiscal representative"),
    ("Spain", "21%", "10% for some items", "quarterly", "the 20th of the month after the quarter", "registration for packaging EPR"),
    ("Poland", "23%", "8% for some items", "monthly", "the 25th of the following month", "JPK files submitted electronically"),
    ("Czech Republic", "21%", "12% for some items", "monthly", "the 25th of the following month", "a control statement with each return"),
]


def vat_pages() -> list[Page]:
    pages = []
    for country, std, reduced, freq, due, extra in VAT_COUNTRIES:
        pages.append(
            (
                "en",
                f"VAT in {country}",
                f"Stock stored in an Amazon warehouse in {country} (for example through Pan-European FBA or the CEE programme) means we must register for VAT in {country}. "
                f"The standard rate is {std}; {reduced}. Returns are filed {freq}, due by {due}. {country} also requires {extra}. "
                f"Our accountant files the returns from the Amazon VAT transactions report; we send import VAT documents and purchase invoices by the 5th. "
                f"Under the EU OSS scheme, cross-border sales to consumers in other member states are declared once a quarter in the country of registration.",
            )
        )
    hans = [
        ("英国", "20%", "按季度申报，季度结束后 1 个月零 7 天内", "C79 进口增值税凭证"),
        ("德国", "19%", "前两年按月申报，次月 10 日前", "包装法 LUCID 注册号"),
        ("法国", "20%", "按月申报", "EPR 注册号"),
        ("意大利", "22%", "按季度申报", "税务代表"),
        ("西班牙", "21%", "按季度申报", "包装 EPR 注册"),
    ]
    for country, rate, freq, extra in hans:
        pages.append(
            (
                "zh-hans",
                f"{country}增值税（VAT）说明",
                f"在{country}的亚马逊仓库存货，就必须在{country}注册增值税。标准税率 {rate}，{freq}。另外还需要：{extra}。"
                f"申报由会计根据亚马逊 VAT 交易报告完成，我们每月 5 日前提供进口增值税凭证和采购发票。逾期申报会被罚款，严重的会被平台暂停销售。",
            )
        )
    return pages


CAMPAIGNS = [
    ("zh-hans", "618 大促复盘（2025）", "今年 618 天猫销售额比去年增长 22%，香料架套装贡献 41%。问题：预售定金玩法设置晚了两天，错过了第一波流量；顺丰 6 月 18 日当天爆仓，12% 的订单延迟 1 天发货，DSR 物流分下降 0.03。明年改进：5 月 10 日前完成活动设置，提前和顺丰约好加派车辆。"),
    ("zh-hans", "双 11 备战清单", "9 月下旬：报名活动，确认活动价和店铺券。10 月 1 日前：备货到仓，按去年双 11 销量 × 1.3 备货。10 月 20 日：预售开始，客服排班加人。11 月 1 日：第一波开卖。11 月 11 日：客服全员在线到凌晨 2 点，仓库次日加班发货。活动后一周：跟进差评和退款，做复盘。"),
    ("zh-hans", "99 大促活动方案", "99 大促是下半年双 11 之前的练兵。主推竹砧板三件套，活动价 9 折加满 199 减 20。直通车预算提高 30%，主要投“砧板 竹”“菜板 家用”等大词。活动后对比 8 月同期，观察新客占比和复购。"),
    ("en", "Black Friday and Cyber Monday plan", "Black Friday week is our biggest week on Amazon US and Shopify. Deals: 20% off the cutting board set and the spice rack, a 15% coupon on silicone lids. Stock for Amazon must arrive at FBA by late October; Amazon's inbound capacity limits apply, so book shipments early. Shopify: a newsletter on the Thursday before, another on Cyber Monday morning. Ads: raise budgets 50% from Thursday to Monday and watch ACoS daily. Customer service adds an extra shift on the Monday and Tuesday after, when questions about delivery dates peak."),
    ("en", "Prime Day retrospective", "Prime Day sales were 3.4 times a normal day. What worked: Lightning Deals on the large cutting board sold out in four hours; the spice rack coupon converted well. What did not: the silicone lids deal was rejected because the price was not the 30-day low, and two SKUs ran out on day two because stock arrived late at FBA. Next year: submit deals earlier and ship stock from China in early May. Advertising worked well: ACoS stayed at 24% despite the higher budgets, and sessions doubled."),
    ("zh-hant", "蝦皮 9.9 購物節企劃", "9.9 購物節主打竹砧板三件組，活動價 9 折，再搭配免運券。8 月中報名，8 月底前把庫存備齊。關鍵字廣告預算在活動前三天加倍。客服 9 月 9 日延長服務到晚上 11 點。活動後一週追蹤退貨和負評，做檢討。"),
    ("zh-hant", "雙 11 檔期準備", "10 月初報名蝦皮雙 11，確認活動價和賣場優惠券。10 月底前備貨到桃園倉，依去年銷量乘以 1.3 備貨。11 月 10 日晚上到 11 日全天客服輪班。出貨量大，和黑貓約好加派收件車。活動後一週處理退貨、退款和評價。"),
    ("zh-hant", "母親節檔期企劃", "母親節檔期主推香料架禮盒，加贈手寫卡片和送禮包裝。蝦皮和官網同步上架，官網提供指定到貨日。4 月中完成商品攝影，5 月初上線。預算：關鍵字廣告每天新台幣 1,500 元。"),
]

MEETINGS = []
for _w, (_sales, _acos, _issue) in enumerate(
    [
        ("38.2 万", "24%", "宁波砧板延期 5 天，已发催货邮件"),
        ("41.5 万", "22%", "硅胶盖色差，整批退回返工"),
        ("36.9 万", "27%", "德国站 VAT 申报资料缺一张进口凭证"),
        ("44.1 万", "21%", "香料架差评两条，都是玻璃瓶破损"),
        ("39.8 万", "25%", "FBA 美国仓入库短少 12 件，已开 case"),
        ("47.3 万", "20%", "新员工入职，客服排班调整"),
    ]
):
    MEETINGS.append(
        (
            "zh-hans",
            f"运营周会纪要（第 {_w + 21} 周）",
            f"上周销售额 {_sales} 元，广告 ACoS {_acos}。库存预警：刀座可售天数 26 天，已下补货单。问题：{_issue}。"
            f"采购：下周二前确认 2025-{118 + _w} 号采购单的出货日期。客服：未结案件 {3 + _w} 个。本周重点：按周会模板逐项跟进，所有待办已建任务。",
        )
    )
for _w, (_sales, _issue) in enumerate(
    [
        (
            "$21,400",
            "two Amazon listings suppressed for missing size attributes, fixed the same day",
        ),
        ("$23,900", "the 3PL invoice had storage billed for 14 pallets instead of 11; disputed"),
        ("$19,700", "a chargeback on Shopify for an order delivered without signature"),
        ("$25,100", "the UK VAT return is due next week; accountant needs the C79 certificates"),
    ]
):
    MEETINGS.append(
        (
            "en",
            f"Weekly operations meeting notes, week {_w + 31}",
            f"Sales last week were {_sales} across Amazon US, Amazon EU and Shopify. Main issue: {_issue}. Stock: knife blocks have 26 days of cover and a purchase order is placed; "
            f"cutting boards are fine until the next container. Customer service closed all open cases except two waiting for supplier photos. "
            f"Advertising: ACoS was close to target and budgets lasted the whole day. "
            f"Actions were created as tasks in Keel with owners and due dates; nothing is tracked only in these notes.",
        )
    )
for _w, (_sales, _issue) in enumerate(
    [
        ("新台幣 118 萬元", "蝦皮延遲出貨被記 1 點，原因是黑貓收件延誤"),
        ("新台幣 126 萬元", "電子發票作廢張數和退貨數對不起來，記帳士要求補資料"),
        ("新台幣 109 萬元", "Amazon 日本站商品頁被停售，缺少 PSE 相關說明"),
    ]
):
    MEETINGS.append(
        (
            "zh-hant",
            f"營運週會紀錄（第 {_w + 40} 週）",
            f"上週營收 {_sales}。主要問題：{_issue}。庫存：刀座剩 26 天可售，已下採購單。客服：未結案件 {2 + _w} 件。所有待辦都已建立任務並指定負責人和到期日，不只記在會議紀錄裡。",
        )
    )

PAYROLL_MONTHS = [
    ("zh-hans", "2025 年 1 月工资核算说明", "1 月工资含年终奖，年终奖单独计税（全年一次性奖金政策），由财务在 2 月 10 日随工资发放。春节前 2 天提前发放 1 月工资，方便大家回家。社保基数本月不调整。"),
    ("zh-hans", "2025 年 7 月社保基数调整", "7 月起按深圳新的社保缴费基数执行，个人部分每月增加约 46 元，单位部分增加约 110 元。工资条上会单独列出调整前后的金额。公积金比例不变，单位和个人各 5%。有疑问找人事。"),
    ("zh-hans", "加班和调休规则", "工作日加班按 1.5 倍、休息日按 2 倍、法定节假日按 3 倍计算加班费；休息日加班也可以选择调休，调休在三个月内用完。加班需要提前在 Keel 建任务说明原因，由直属上级批准，未经批准的不算加班。"),
    ("zh-hant", "年終獎金與三節獎金", "年終獎金在農曆年前一週隨薪資發放，金額依公司年度營收和個人考核決定。端午和中秋各發一次三節獎金。獎金要併入當月薪資扣繳所得稅，超過基本工資的部分可能被扣二代健保補充保費 2.11%。"),
    ("zh-hant", "加班費與補休", "平日加班前 2 小時按 1.34 倍、之後按 1.67 倍計算；休息日加班依勞基法計算。員工也可以選擇補休，補休要在一年內休完，沒休完的折算成加班費。加班要事先在 Keel 建立任務並經主管核准。"),
]

RETURN_ANALYSIS = []
for _i, (_sku, _rate, _reason) in enumerate(
    [
        ("KB-BAM-L", "3.1%", "开裂（多数是用洗碗机），已在五点描述和说明卡加粗提醒手洗"),
        ("SR-BAM-12", "4.6%", "玻璃瓶破损，包装加了珍珠棉隔板后下降"),
        ("SL-SIL-6", "6.2%", "尺寸不合适，买家以为能盖大汤锅，已在主图加尺寸对照"),
        ("KN-BAM-UNI", "2.4%", "刷毛掉毛，已要求供应商换刷毛材料"),
        ("DO-BAM-5", "3.8%", "抽屉太浅放不下，已在标题写明高度 5 cm"),
        ("KN-MAG-40", "1.9%", "螺丝缺失，已要求供应商称重检查"),
    ]
):
    RETURN_ANALYSIS.append(
        (
            "mixed",
            f"退货原因分析：{_sku}",
            f"{_sku} 最近 90 天 FBA 退货率 {_rate}（类目平均约 3%）。Return reason 排第一的是：{_reason}。数据来自 Seller Central 的 FBA customer returns 报告，"
            f"和 Voice of the Customer 看板对照过。退货率超过 5% 会被亚马逊标记 Frequently Returned，影响转化，要持续跟踪。",
        )
    )

ONBOARDING_ROLES = [
    ("zh-hans", "客服岗入职培训", "客服新人第一周：熟悉退款政策、回复话术和差评处理流程；在亚马逊后台、千牛和 Shopify 邮箱各开一个账号；跟着老同事值三个班，先看不回。第二周开始独立回复，每条回复由老同事抽查。考核：24 小时回复率 100%，差评跟进率 100%。"),
    ("zh-hans", "采购岗入职培训", "采购新人第一周：读采购流程、补货点公式和供应商验货标准；跟着采购主管参加一次供应商例会；学会在 ERP 建采购单和查看在途库存。第二周：独立跟进一个小额采购单，从下单到验货付款全流程。"),
    ("zh-hans", "仓库岗入职培训", "仓库新人第一天学习安全规范（叉车区、刀具区），然后学习收货、上架、拣货、打包四个流程，看打包视频。第一周在老员工带领下打包，第二周开始独立打包，错发率要低于 0.1%。每周五参加循环盘点。"),
    ("en", "Onboarding: listing assistant", "A new listing assistant starts with the listing guidelines, the Amazon title and bullet rules and keyword research method. Week one: get a Seller Central user with listing permissions only, read the last quarter's keyword reports and shadow one listing update. Week two: draft two listing updates in the project board for review. Work hours overlap with the Shenzhen office for at least two hours a day. Questions go into task comments so answers stay with the work; the founder reviews your first five listing changes personally before they go live."),
    ("en", "Onboarding: customer service rep", "A new customer service rep reads the refund policy, the macros and the negative review guide first. Week one: accounts for Seller Central messages, the Shopify help mailbox and the helpdesk; shadow three shifts without replying. Week two: answer on your own, with a senior colleague checking ten replies a day. Targets: every message answered within 24 hours, every negative review followed up. Learn the care instructions for every product family first, because they cause most questions. Any defect you hear about goes to purchasing with photos the same day."),
    ("zh-hant", "客服新人訓練", "客服新人第一週：熟悉退款流程、常用回覆和負評處理；開通 Amazon 賣家平台、蝦皮賣家中心和官網客服信箱的帳號；跟著資深同事值三個班，先觀察不回覆。第二週開始獨立回覆，每天由資深同事抽查十則。"),
    ("zh-hant", "倉儲新人訓練", "倉儲新人第一天先學安全規範，再學進貨點收、上架、揀貨、包裝四個流程，並看完包裝教學影片。第一週在資深同事帶領下包裝，第二週開始獨立作業，錯寄率要低於 0.1%。每週五參加輪流盤點。"),
]

PHOTO_SHOTS = []
for _i, (_sku, _product, _props) in enumerate(
    [
        ("KB-BAM-L", "large bamboo cutting board", "sliced bread, tomatoes and a chef's knife"),
        (
            "SR-BAM-12",
            "rotating spice rack",
            "filled jars with colourful spices on a marble counter",
        ),
        ("SL-SIL-6", "silicone stretch lids", "bowls of salad, half a watermelon and a tin can"),
        ("KN-BAM-UNI", "universal knife block", "five mismatched knives, a cutting board behind"),
        ("DO-BAM-5", "drawer organiser", "cutlery, a whisk and a ladle in an open drawer"),
    ]
):
    PHOTO_SHOTS.append(
        (
            "en",
            f"Shot list: {_sku}",
            f"Shot list for the {_product} ({_sku}). Main image on pure white, product at 85% of the frame, 2000 px square. "
            f"Lifestyle set dressing: {_props}. One shot with hands for scale, one top-down, one angled at 30 degrees. "
            f"Detail shots of joints and finish. A 20-second clip of the product in use for the listing video. "
            f"Deliver edited JPEGs and raw files in the SKU folder within five working days of the shoot.",
        )
    )

PACKAGING_SPECS = []
for _sku, _box, _carton, _qty, _extra in [
    ("KB-BAM-L", "牛皮纸彩盒 47×32×3 cm", "五层纸箱 50×35×36 cm", 12, "加护角，防止运输中磕角"),
    ("KB-BAM-SET3", "彩盒 42×30×6 cm", "五层纸箱 44×32×38 cm", 6, "三块砧板之间垫牛皮纸"),
    ("SR-BAM-12", "彩盒 26×26×30 cm", "五层纸箱 54×54×32 cm", 4, "玻璃瓶逐个套珍珠棉袋，中间加隔板"),
    ("SL-SIL-6", "吊卡袋 18×25 cm", "三层纸箱 40×30×30 cm", 100, "吊卡袋封口要热封，避免漏件"),
    ("KN-BAM-UNI", "彩盒 24×14×24 cm", "五层纸箱 50×30×50 cm", 8, "刷毛芯用 PE 袋包好，防止掉毛"),
    ("KN-MAG-40", "白盒 43×7×4 cm", "五层纸箱 45×30×25 cm", 40, "螺丝包称重检验，防止缺件"),
]:
    PACKAGING_SPECS.append(
        (
            "zh-hans",
            f"包装规格：{_sku}",
            f"{_sku} 的包装：单品用{_box}，外箱用{_carton}，每箱 {_qty} 件。特别要求：{_extra}。外箱贴 FBA 箱标和我们的箱唛，单箱毛重不超过 22 kg。"
            f"首单出货前按产品包装规范做跌落测试，测试视频存档。",
        )
    )

TMALL_OPS = [
    ("zh-hans", "淘宝客推广设置", "淘宝客按成交付佣金。我们给竹砧板设置 15% 佣金、香料架 20%。定向计划只对合作过的达人开放更高佣金。每月看一次淘宝客报表，把带来退货多的推广者移出定向计划。大促期间佣金可临时提高 5%，活动后调回。"),
    ("zh-hans", "引力魔方（超级推荐）投放", "引力魔方按展现或点击付费，适合拉新和收割收藏加购人群。定向人群：相似店铺访客、类目兴趣人群、店铺收藏加购人群。创意用场景图，不用白底图。每天预算 300 元，ROI 低于 1.5 的计划暂停。"),
    ("zh-hans", "天猫 88VIP 和官方立减", "参加 88VIP 折扣的商品，88VIP 会员额外享 95 折，成本由店铺承担，设置前要算清楚毛利。官方立减是平台活动的直降，活动价以报名价为准，不能再叠加店铺券以外的折扣。"),
    ("zh-hans", "千牛工作台常用设置", "千牛的自动回复、快捷短语和子账号分流都在“客服”模块设置。每个客服一个子账号，禁止共用。快捷短语按“发货、退款、使用方法、发票”分组，和客服话术保持一致。夜间 23:00 后开启机器人，第二天早上人工回访。"),
    ("zh-hans", "生意参谋看数方法", "每天早上看生意参谋首页：访客数、转化率、客单价。每周看一次“搜索分析”找新关键词，看“竞品分析”对比同类店铺的价格和活动。大促后用“活动分析”复盘。数据截图贴到周会纪要里。"),
]

MISC_DISTRACTORS: list[Page] = [
    ("zh-hans", "办公室行政须知", "办公室开放时间 8:30–20:00，最后离开的人关空调、关灯、锁门。快递统一放前台，三天内取走。会议室在 Keel 预约。打印机缺纸找行政。每月最后一个周五下午是团建时间，费用从团队基金里出。"),
    ("zh-hans", "年度预算编制", "每年 11 月编制下一年度预算：销售目标按平台拆分，采购预算按补货计划，广告预算按目标 ACoS 倒推，人员预算按组织架构图的编制计划。预算表由老板审批，每季度回顾一次偏差。"),
    ("zh-hans", "公司历史", "2019 年在深圳起步，第一款产品是竹砧板，在亚马逊美国站销售。2021 年开天猫店，2023 年开 Shopify 独立站和亚马逊欧洲站。2024 年香料架套装成为销量冠军。我们坚持每个客户一天内回复。"),
    ("en", "Office and IT security rules", "Lock your screen when you leave your desk. Use the password manager; never reuse a marketplace password. Two-factor authentication is required for Keel, email, Seller Central and the bank. Do not install browser extensions on the Seller Central computer without asking. Report phishing emails, especially fake 'new bank account' messages from suppliers, to the founder the same day. Laptops must have disk encryption switched on. Shared accounts are not allowed, and when someone leaves, their access is removed on their last day, including marketplace users and the password manager."),
    ("en", "Company values", "Answer every customer within a day, in their language, on the marketplace they used. Write it down once: a process that lives only in someone's head is a process we lose. Decide at the seat: whoever holds the seat decides, and the founder is asked, not waited for. We hire, promote and part ways by these three values, and we use them to settle disagreements. When two values seem to conflict, the customer comes first, then the written process, then the seat's decision."),
    ("en", "Annual budget process", "Every November we plan next year's budget. Sales targets are split by marketplace, purchasing follows the reorder plan, advertising is derived from target ACoS, and people costs come from the headcount plan in the org chart. The founder approves the budget and we review the variance every quarter. Unplanned spending above $2,000 needs approval. Each department head proposes their numbers by mid-November with a one-paragraph explanation of what changed from this year and why. Finance consolidates them and the founder decides by the first week of December."),
    ("zh-hant", "辦公室行政須知", "辦公室開放時間 8:30–20:00，最後離開的人要關冷氣、關燈、鎖門。包裹統一放櫃台，三天內領走。會議室在 Keel 預約。每月最後一個星期五下午是團隊活動時間。"),
    ("zh-hant", "公司沿革", "2019 年在台北起家，第一項商品是竹砧板，在 Amazon 美國站銷售。2021 年開蝦皮賣場，2023 年開 Shopify 官網和 Amazon 日本站。我們堅持每位顧客一天內回覆。"),
    ("mixed", "Seller Central 子账号权限", "每个人一个 Seller Central 子账号（User Permissions），按岗位给权限：Listing 助理只给 Inventory 和 Advertising；客服给 Buyer Messages 和 Orders；财务只看 Payments 和 Reports。离职当天在 User Permissions 里删除账号。主账号密码只有老板知道，两步验证绑定公司手机。"),
    ("mixed", "ERP 里 SKU 和 FNSKU 的对应关系", "ERP 里每个 SKU 对应多个 FNSKU：同一个 SKU 在美国站、德国站、英国站各有一个 FNSKU。发 FBA 时要选对站点的 FNSKU 打印标签，贴错了亚马逊会把货放进别的 listing，导致库存错乱。导入新站点时先在 ERP 的“站点映射”里同步。"),
    ("mixed", "Amazon Coupon 和 Deal 的区别", "Coupon 是商品页上的“领券”，每次领取使用收 0.6 美元，适合日常促销；Lightning Deal 是限时秒杀，每次收固定费用，要提前几周在 Deals 里提交；Prime Exclusive Discount 只对 Prime 会员。三者可以叠加，但要算清最终价格，不能低于成本，也会影响 30 天最低价的计算。"),
    ("zh-hans", "电商常用缩写", "FBA：亚马逊物流。FBM：卖家自发货。ASIN：亚马逊商品编号。SKU：库存编号。ACoS：广告花费占广告销售额比例。ROI：投入产出比。DSR：天猫店铺动态评分。MOQ：最小起订量。POA：申诉用的行动计划。3PL：第三方仓储物流。"),
]

FAQ_FINANCE = [
    ("zh-hans", "亚马逊回款对账", "亚马逊每两周结算一次，回款到 PingPong 或万里汇账户。对账时下载 Settlement Report，按订单、退款、广告费、FBA 费用分类汇总，和到账金额核对。退款会从结算里扣除，所以退款多的周期回款会明显变少。差异超过 100 美元要查明原因。"),
    ("zh-hans", "天猫支付宝账单对账", "天猫的货款在买家确认收货后进入支付宝。每月初下载支付宝账单，按订单号和 ERP 订单匹配，扣除佣金、积分、运费险和淘宝客佣金。退款订单在账单里显示为负数，要和售后记录对上。"),
    ("en", "Marketplace payout reconciliation", "Amazon pays out every two weeks and Shopify every business day. At month end download the Amazon settlement reports and Shopify payouts, and match each to the bank. Break the Amazon settlement down into sales, refunds, fees, advertising and reimbursements. Refunds are deducted from payouts, so a period with many refunds pays less. Differences above $100 must be explained before closing the month. Reimbursements for lost or damaged FBA units appear as separate lines and must be matched to the cases we opened. Keep the reconciliation sheet with the month-end pack for the accountant."),
    ("zh-hant", "蝦皮撥款對帳", "蝦皮在訂單完成後撥款到賣家錢包，每週提領到銀行。每月初下載撥款明細，依訂單編號和 ERP 比對，扣除成交手續費、金流服務費和免運活動費。退款訂單不會撥款，要和退貨紀錄對上。"),
]


SHOPEE_OPS: list[Page] = [
    ("zh-hant", "蝦皮優選賣家條件", "優選賣家的標籤會提高商品曝光和轉換。條件（每週計算）：聊聊回覆率 80% 以上、延遲出貨率低於 10%、未完成訂單率低於 10%、計分不超過 0 分、賣場評價 4.6 顆星以上、近 30 天至少 50 筆完成訂單。任何一項不符合，下週就會失去標籤。客服主管每週一檢查一次。"),
    ("zh-hant", "蝦皮聊聊自動回覆設定", "聊聊的自動回覆在賣家中心 → 客服 → 聊聊設定。上班時間（09:00–18:00）只開歡迎訊息；下班後開啟離線自動回覆，說明隔天上午會由專人回覆，並附上常見問題（出貨時間、保養方式、發票）。快速回覆範本和常用回覆頁面保持一致，改了一邊就要改另一邊。"),
    ("zh-hant", "蝦皮商品上架規範", "商品名稱：品牌 + 品名 + 規格 + 特色，不超過 60 個字，不能堆疊關鍵字。主圖 1:1、至少 800 × 800 像素，封面可以加品牌框。商品描述要寫尺寸、材質、保養方式和保固。規格（顏色、尺寸）用商品選項，不要分開上架。禁止上架違規字眼，例如「抗菌」需要檢驗報告。"),
    ("zh-hant", "蝦皮免運活動與運費補貼", "參加蝦皮免運活動時，賣家要負擔成交金額一定比例的免運計畫費用。我們只讓竹砧板和香料架參加，單價低於新台幣 300 元的商品不參加，避免運費吃掉毛利。免運門檻訂在新台幣 499 元，引導顧客加購。每月檢查一次免運費用佔營收的比例，超過 5% 要調整。"),
    ("zh-hant", "蝦皮評價回覆原則", "五星評價挑有內容的回覆感謝；三星以下的評價 24 小時內回覆，語氣平和、說明處理方式，再用聊聊私下解決。不能要求顧客修改評價，也不能用折價券交換好評，違者會被蝦皮處分。每月整理一次評價中提到的問題，交給採購和行銷。"),
    ("zh-hant", "蝦皮計分制度與延遲出貨", "蝦皮賣場違規會被計分：延遲出貨、未完成訂單、聊聊回覆率過低、違規上架都會記點。累積 3 分以上會限制參加活動，6 分以上商品降低曝光，更多會暫停賣場。計分每季歸零。避免延遲出貨的方法：庫存不足的商品先下架，連假前調整備貨天數。"),
    ("zh-hant", "蝦皮賣家錢包與提領", "訂單完成後款項進入賣家錢包，每週一、四可以提領到公司銀行帳戶，每月前 5 次提領免手續費。提領時記下日期和金額，月底對帳用。顧客退款的訂單不會撥款，要和退貨紀錄核對。"),
]

HANT_INVENTORY: list[Page] = []
for _mi, (_month, _diff, _reason) in enumerate(
    [
        ("2025 年 3 月", 3, "退貨入庫漏登兩筆，補登後差異消除"),
        ("2025 年 6 月", 5, "一箱香料架放錯儲位（放到 E 區），已移回 B 區"),
        ("2025 年 9 月", 2, "組合包拆開賣，ERP 沒有做拆解單，已補單"),
        ("2025 年 12 月", 6, "供應商少寄一箱砧板，已向供應商求償"),
    ]
):
    HANT_INVENTORY.append(
        (
            "zh-hant",
            f"桃園倉盤點紀錄（{_month}）",
            f"{_month}底桃園倉月度全盤結果。本次盤點 {180 + _mi * 4} 個儲位，差異品項 {_diff} 個，差異金額新台幣 {_diff * 620} 元。主要原因：{_reason}。"
            f"盤點依庫存盤點作業執行，兩人一組複盤。下次盤點前先處理完待上架的到貨，避免重複計算。",
        )
    )

HANT_INVOICES: list[Page] = [
    ("zh-hant", "發票：手機條碼載具", "顧客選擇手機條碼載具時，結帳頁要填寫以 / 開頭的 8 碼條碼，發票會自動存入顧客的載具，不用列印。系統會檢查條碼格式，格式錯誤不能送出。中獎時財政部會通知顧客，我們不用寄送紙本。"),
    ("zh-hant", "發票：打統一編號（三聯式）", "公司戶購買時要填統一編號和公司抬頭，開立有統編的電子發票（原三聯式）。統編開立後不能改成個人發票，要作廢或折讓後重開。批發客戶每月彙開一張，月底前確認金額。開立前再次確認統編和抬頭是否相符。"),
    ("zh-hant", "發票：捐贈與愛心碼", "顧客可以把發票捐給社福團體，結帳時輸入愛心碼。捐贈的發票開立後不能再改成存入載具或列印。我們在官網預設提供三個常用的愛心碼，顧客也可以自行輸入。捐贈紀錄每月由系統彙整，記帳士對帳時會用到。"),
    ("zh-hant", "發票：銷貨折讓單", "跨期（不同的雙月期）退貨或部分退款，不能直接作廢發票，要開立銷貨折讓單。電子發票的折讓單在系統上開立，個人戶由我們上傳即可；公司戶要買方確認。折讓金額會在營業稅申報時扣除銷項。"),
    ("zh-hant", "發票中獎處理", "存在我們會員載具的發票如果中獎，系統會寄信通知顧客，並在確認地址後寄出紙本證明聯。捐贈和存入手機條碼載具的發票由財政部處理，我們不用寄送。每單數月 25 日開獎後，客服檢查一次通知是否寄出。"),
]

HANT_OPS: list[Page] = [
    ("zh-hant", "HS Code：竹砧板", "竹砧板出口美國使用 HS Code 4419.11.0000，美國基本關稅 3.2%，中國製造另加 301 條款關稅。申報時寫明竹製、廚房用，不能寫成木製品。稅則號別由報關行確認，新品上線前先問報關行。商業發票金額要寫實際成交價。"),
    ("zh-hant", "HS Code：矽膠保鮮蓋", "矽膠保鮮蓋出口美國使用 HS Code 3924.10.4000，美國基本關稅 3.4%，另加 301 條款關稅。美國 FDA 要求食品接觸材料符合規定，出貨前一定要有檢驗報告；寄往德國還要 LFGB 報告。"),
    ("zh-hant", "採購流程", "從補貨到付款：1. 補貨表標出低於補貨點的 SKU；2. 向供應商詢價和交期，新品先打樣；3. 在 ERP 建立採購單，超過新台幣 20 萬元要老闆核准；4. 付訂金；5. 出貨前驗貨；6. 驗貨報告通過後付尾款；7. 訂艙並追蹤貨物。大陸工廠農曆年前後停工，2、3 月的採購單要在 11 月中前下。"),
    ("zh-hant", "安全庫存與補貨點計算", "每日平均銷量 = 最近 28 天銷量 ÷ 28；安全庫存 = 每日平均銷量 × 14；補貨點 = 每日平均銷量 × (生產天數 + 運輸天數) + 安全庫存。採購數量取 MOQ 和 60 天銷量中較大的。旺季從 9 月起安全庫存加倍。補貨表每週一由採購主管檢查。"),
    ("zh-hant", "供應商延遲交貨處理", "供應商超過承諾交期的隔天，就用「供應商催貨」範本寄信，不能只在微信上催，要留下書面紀錄。延遲超過一週的，要求對方提供新的出貨日和原因，並評估是否改空運補 FBA 庫存，空運差價向供應商爭取分攤。延遲紀錄會列入年度議價。"),
    ("zh-hant", "供應商驗貨標準", "大貨出貨前一定要驗貨。抽樣依一般檢驗水準 II：嚴重缺點 0 允收，主要缺點 AQL 2.5，次要缺點 AQL 4.0。檢查數量、箱嘜、尺寸公差 ±2 mm、外觀、功能、摔落測試和條碼；竹製品含水率要低於 12%。不合格就請供應商重工並重新驗貨，費用由供應商負擔。"),
    ("zh-hant", "請假與特休規定", "請假要在 Keel 建立「請假：日期」任務並指派給主管，特休至少提前兩週、病假當天早上通知。特休依勞基法給假：到職滿半年 3 天、滿一年 7 天、滿兩年 10 天，之後逐年增加。年度未休完的特休，年底結算成工資。"),
    ("zh-hant", "離職交接清單", "離職前一週：把負責的任務交接給職位的代理人，在任務裡註明；更新自己負責的知識庫頁面。最後一天：歸還電腦和門禁卡，刪除 Amazon、蝦皮、Shopify 的使用者帳號，移除 LINE 工作群組，辦理勞健保退保。薪資在最後一個發薪日結清。"),
    ("zh-hant", "營運／物流常見問題", "問：FBA 的貨要多久前出？答：海運抓六週，空運抓兩週。問：樣品從大陸寄來台灣用什麼？答：順豐，約 3 天。問：蝦皮大件商品怎麼寄？答：超過 5 公斤改用黑貓宅配。問：箱嘜誰印？答：供應商依我們的格式印。"),
    ("zh-hant", "Amazon 日本站上架注意事項", "Amazon 日本站的商品頁要用日文，標題不超過 65 個全形字。電器類要 PSE 標章，食品接觸材料要符合日本食品衛生法，出貨前準備檢驗報告。日本站的 FBA 入倉要預約，標籤和箱嘜規格和美國站相同。消費稅（JCT）由記帳士評估是否需要登記。"),
]

MIXED_EXTRA: list[Page] = [
    ("mixed", "FBA 仓储费和长期仓储费", "FBA 月度仓储费按体积（立方英尺）收，10–12 月是旺季费率，大约是平时的 3 倍。库龄超过 181 天的库存还会收 Aged Inventory Surcharge（原长期仓储费）。控制方法：按补货表发货，不要一次发太多；每月看 Inventory Age 报告，库龄超过 150 天的做促销或创建 Removal Order 移除到 3PL。"),
    ("mixed", "FBA 配送费和入库配置费", "FBA Fulfillment Fee 按尺寸分段和重量收，大号竹砧板属于 Large Standard。新品上架前先用 Revenue Calculator 算清楚。入库时如果选择 Minimal shipment splits（少分仓），要付 Inbound Placement Fee；选择 Amazon-optimized splits 免费，但要发往多个仓。我们默认接受分仓，除非每件多出 0.3 美元以上。"),
    ("mixed", "海外仓一件代发流程", "Shopify 美国订单由新泽西 3PL 一件代发：订单通过 ShipStation 同步到 3PL，3PL 当天 14:00 前的订单当天发出，USPS 或 UPS Ground。每天下午检查同步失败的订单（地址不完整、SKU 对应不上）。3PL 的库存每周和 ERP 对一次，差异超过 1% 要求 3PL 盘点。"),
    ("mixed", "海外仓退货换标", "FBA 移除的退货和 Shopify 退货都到 3PL 仓。3PL 按我们的标准分级：A 级重新贴 FNSKU 标签补回 FBA，B 级作为 open box 在 Shopify 折价卖，C 级销毁并拍照留证。换标费每件 0.5 美元，在月度账单里单列。"),
    ("mixed", "清关资料：美国 ISF 申报", "美国海运进口要在装船前 24 小时提交 ISF（10+2），由洛杉矶的 customs broker 申报。需要：卖方和买方信息、工厂地址、装箱地点、HS code、集装箱装箱信息。资料在订舱时由货代收集后发给 broker。晚报 ISF 罚款 5000 美元起，所以订舱后当天就把资料发出去。"),
    ("mixed", "欧盟 EORI 号和 IOSS", "货物进口到欧盟需要 EORI 号，我们用德国的 EORI 号清关。寄给欧盟个人消费者、货值不超过 150 欧元的小包可以用 IOSS 在销售时代收 VAT，清关更快；Amazon 自动处理 IOSS，Shopify 欧洲订单从德国 3PL 本地发货，不需要 IOSS。"),
    ("mixed", "日本站 PSE 和 JCT 消费税", "Amazon 日本站的电器需要 PSE 认证，我们的产品目前不涉及。食品接触类（硅胶盖、砧板）要符合日本食品卫生法，准备检测报告。日本消费税 JCT 10%，在日本有 FBA 库存时要评估是否需要注册 JCT 和指定税务代理人。"),
    ("mixed", "Amazon Vine 计划", "新品评论少于 30 条时可以报名 Vine，最多送出 30 件给 Vine Voices 换取真实评价。每个 ASIN 报名费 200 美元（视站点而定）。Vine 评价不能干预内容，差评也会公开。建议在 Listing 完善（图片、A+、五点）之后再开 Vine。"),
    ("mixed", "A+ 页面制作规范", "A+ Content 只有品牌备案后才能用。我们的模板：第一屏品牌故事，第二屏三大卖点图，第三屏使用场景，第四屏对比表（我们的三个尺寸），最后一屏保养说明。图片不能出现价格、促销和外链。提交后 7 天内审核，被拒一般是因为图片文字太多或有夸大宣传。"),
    ("mixed", "Brand Store 品牌旗舰店", "品牌旗舰店（Amazon Stores）按产品线分页面：砧板、香料收纳、保鲜盖、刀具收纳。首页放新品和 Best Seller。每季度更新一次 banner。Sponsored Brands 广告的落地页指向对应的 Store 子页面，转化比指向单个 ASIN 更好。"),
    ("mixed", "Account Health 事件记录：硅胶盖被判定 pesticide", "2025 年 4 月，SL-SIL-6（ASIN B0C9SLD006）因为五点描述里写了 antibacterial，被亚马逊判定为 pesticide claim 而下架。处理：删除相关描述，提交 POA 说明根本原因和预防措施（Listing 修改双人复核），附上修改后的截图。6 天后恢复。教训已写进 Listing 规范。"),
    ("mixed", "Account Health 事件记录：刀座 IP 投诉", "2025 年 2 月，一家美国品牌以外观专利为由投诉我们的 KN-BAM-UNI。处理：找律师确认专利范围，证明我们的刀座设计不同，向投诉方发 retraction 请求，对方撤诉后 Listing 恢复。全程 12 天。之后新品上线前先做专利检索。"),
    ("mixed", "Account Health 事件记录：Late Shipment Rate 超标", "2025 年春节期间，Shopify 之外的少量 FBM 订单因为仓库放假晚发，Late Shipment Rate 到了 5%，超过 4% 的红线。处理：假期前把 FBM 商品的备货时间改成 7 天，节后补发并联系客户。以后长假前一周调整 handling time。"),
    ("mixed", "Account Health 事件记录：Inauthentic 投诉", "一位买家投诉我们的香料架是假货（inauthentic），亚马逊要求提供供应链证明。处理：提交义乌家居的采购发票、付款记录和品牌授权书，3 天后恢复。发票抬头和 Listing 品牌名必须一致，否则证明无效。"),
    ("mixed", "PPC 周报 W23", "本周 ACoS 28%（目标 25%），广告销售额 5,420 美元。超标原因：bamboo cutting board 大词出价过高，CPC 1.85 美元。调整：大词降价 10%，加 6 个 negative exact；SL-SIL-6 的自动广告表现好，挖到 3 个新词移到 manual exact。"),
    ("mixed", "PPC 周报 W24", "本周 ACoS 24%，达到目标。广告销售额 5,980 美元，TACoS 9%。Sponsored Brands 视频广告 CTR 0.8%，比图片广告高一倍，下周把预算从 SP 挪 15% 到 SB video。刀座的 product targeting 转化低，暂停。"),
    ("mixed", "PPC 周报 W25", "Prime Day 前一周，ACoS 31%，主要是加了新品 DO-BAM-7 的 launch 预算。新品 ACoS 52%，在新品期目标 45% 之内可以接受，继续观察转化率。其他成熟 SKU 的 ACoS 保持在 20% 左右。"),
    ("mixed", "PPC 周报 W26", "Prime Day 当周：广告花费 9,800 美元，广告销售额 41,200 美元，ACoS 23.8%。活动期间 CPC 上涨 35%，但转化率翻倍。活动结束后第二天把预算调回平时水平，避免浪费。"),
    ("mixed", "Amazon 退货率和 Frequently Returned 标记", "某个 ASIN 退货率明显高于同类时，亚马逊会在商品页显示 Frequently returned item 提示，转化会掉 10% 以上。要在 Voice of the Customer 看板看 NCX 率和退货原因，针对性修改 Listing（尺寸、材质说明）或产品本身。"),
    ("mixed", "亞馬遜 FBA 入倉常見問題", "問：貨件一直顯示 Receiving？答：大倉卸貨慢，超過 10 天再開 case。問：入庫數量短少？答：貨件關閉後 60 天內用 Reconciliation 申請調查，附上裝箱單和 POD。問：FNSKU 貼錯？答：請 3PL 或 Amazon 付費換標，並檢查 ERP 的站點對應。"),
    ("mixed", "ASIN 變體合併與拆分", "同一款商品的不同尺寸、顏色要用 Variation 合併在一個父 ASIN 下，評價會共享。合併用 Flat File 上傳，Variation Theme 選 Size 或 SizeColor。不要把不同商品硬合併，Amazon 會判定 variation abuse 並拆開，評價也會被分開。"),
    ("mixed", "SKU 條碼與 FNSKU 標籤列印", "每件商品出貨到 FBA 前要貼 FNSKU 標籤（X00 開頭），不是 UPC。標籤用 30 格 A4 貼紙列印，確認掃得出來。彩盒上原本的 UPC 條碼要被蓋住，避免倉庫掃錯。多站點的 SKU 要選對站點的 FNSKU。"),
    ("mixed", "Amazon 日本站 JCT 消費稅登記", "在 Amazon 日本站有 FBA 庫存且年營收超過 1,000 萬日圓，就要評估登記 JCT（日本消費稅）和適格請求書發行事業者。記帳士建議先委任日本的稅務代理人。登記後 Amazon 的 invoice 要顯示登記號碼。"),
    ("mixed", "Shopify 独立站退货流程", "Shopify 订单的退货要先申请 RMA：客服在 helpdesk 建 RMA，质量问题发预付退货面单给客户。包裹到 3PL 后分级（A 回库存、B open box、C 报废），客服收到分级结果再在 Shopify 里 Refund。RMA 14 天内没用就自动失效。"),
    ("mixed", "VAT 和 OSS 申报日历", "每月：德国 VAT（次月 10 日，可延期）、波兰 VAT（次月 25 日）。每季度：英国 VAT（季度结束后 1 个月零 7 天）、欧盟 OSS（季度结束后次月底）。会计在截止日前 5 天要资料：Amazon VAT Transactions Report、进口凭证、采购发票。"),
    ("mixed", "Tmall 旗舰店 vs 专营店", "天猫旗舰店要求自有品牌的商标注册证（R 标）或独占授权，专营店可以经营多个品牌。我们的目标是开自有品牌旗舰店，商标在中国已提交申请，拿到注册证后再申请入驻。入驻费用：保证金 5 万元，年费 3 万元（达到销售额可返还）。"),
    ("mixed", "SKU 停产和清仓流程", "SKU 决定停产后：1. 停止补货，ERP 里把状态改成 Discontinued；2. FBA 剩余库存做 Coupon 或 Outlet Deal 清仓；3. 超过 90 天卖不完的做 Removal Order；4. Listing 保留但设为不可售，保留评价历史。停产的 SKU 编号不再复用。"),
    ("mixed", "Listing 翻译规范（德语、日语）", "翻译 Listing 不用机翻直接上：先用 DeepL 出初稿，再请母语译者按当地搜索习惯改写关键词。德国站的标题可以长一些，但要避免英语单词堆砌；日本站要写清尺寸（cm）和材质。翻译完成后在 AMZ 项目里建审核任务。"),
    ("mixed", "Coupon 設定與費用", "Amazon Coupon 每次被兌換收 0.6 美元，另有預算上限。設定時算清楚券後價，不能低於成本加上 FBA 費用和佣金。蝦皮的賣場優惠券沒有兌換費，但活動期間要和平台券疊加計算最低價。設定完截圖給第二個人核對。"),
    ("mixed", "库存周转和滞销 SKU 处理", "每月看一次库存周转天数 = 平均库存 ÷ 日均销量。超过 120 天的 SKU 列为滞销：先降价或做 Coupon，再考虑站外 Deal，最后移除到 3PL 或清仓。滞销的原因要复盘：是备货太多、Listing 不行，还是产品本身没人要。"),
]

EN_EXTRA: list[Page] = [
    ("en", "ISF filing for US sea freight", "Every ocean shipment into the United States needs an Importer Security Filing, often called 10+2, at least 24 hours before the container is loaded at the origin port. Our customs broker in Los Angeles files it. The forwarder collects the seller and buyer details, the manufacturer's address, the container stuffing location, the HS codes and the consolidator. Late or missing filings start at a $5,000 penalty, so the data goes to the broker on the day the booking is confirmed, not the day before sailing."),
    ("en", "Section 301 tariffs and import duties", "Goods made in China and imported into the US pay the normal duty rate for their HS code plus the Section 301 tariff for their list. Our bamboo boards pay 3.2% plus 25%; check the broker's classification for every new product, because the lists change. Duties are calculated on the declared customs value, which must be the price we actually paid. With DDP sea freight the forwarder pays duties and invoices us, so include them in the landed cost per unit."),
    ("en", "Amazon Vine programme", "Vine gives new products early reviews: we enrol an ASIN with fewer than 30 reviews and send up to 30 free units to Vine Voices, who post honest reviews. Enrolment costs a fee per parent ASIN in the US. We cannot influence what they write, and negative Vine reviews are public like any other. Enrol only once the listing is complete, with images, A+ content and correct bullets, otherwise reviewers judge an unfinished page. Track the Vine reviews separately for the first month to judge the product fairly."),
    ("en", "Subscribe and Save for consumables", "Subscribe and Save lets customers order repeat items on a schedule at a discount. It suits our silicone lids and replacement spice jar labels, not cutting boards. We fund a 5% or 10% discount and Amazon may add more for customers with several subscriptions. Keep stock steady: running out cancels subscriptions. Review the subscriber report monthly and forecast these SKUs separately in the reorder sheet. Subscription orders are forecast in a separate tab so a stock-out never surprises us, and the discount level is reviewed every quarter against the margin."),
    ("en", "Returnless refunds on Amazon", "Amazon can refund a customer without asking for the item back when the return would cost more than the item is worth. We set returnless refund rules in Seller Central for SKUs under $15, such as the small silicone lid sets. Keep a list of SKUs with returnless rules and check monthly that the refund volume is not unusual; a spike usually means a packaging or quality problem rather than fraud. The rules are reviewed every quarter together with the refund policy."),
    ("en", "Return reason codes and what they tell us", "Amazon and Shopify returns carry a reason code: defective, damaged in transit, not as described, wrong item, no longer needed, better price elsewhere. Defective and not as described point to the product or the listing; damaged in transit points to packaging; wrong item points to the warehouse. Review the codes per SKU every month, and act when one reason passes 2% of units sold. Customers often pick the reason that gets them free return shipping, so read their comments too before blaming a supplier. Share the monthly summary in the operations meeting."),
    ("en", "Incident log: pesticide claim on silicone lids", "In April the silicone lid set was deactivated because a bullet point said the silicone was antibacterial, which Amazon treats as a pesticide claim requiring EPA registration. We removed the wording, checked all other listings for similar claims, and submitted a plan of action describing the cause and the new second-person review of listing changes. The listing was reinstated after six days. The rule is now in the listing guidelines. Lesson: words such as antibacterial, antimicrobial or mould-resistant are never used without a registration."),
    ("en", "Incident log: intellectual property complaint", "A US brand reported our universal knife block for infringing its design patent. We asked our attorney to compare the patent claims with our design; the shapes differed clearly. We contacted the rights owner with the comparison and asked for a retraction, which they sent, and Amazon reinstated the listing after twelve days. Since then every new product gets a quick patent search before samples are approved. The whole case, including the attorney's comparison and the retraction, is stored in the management space in case the complaint comes back."),
    ("en", "Incident log: late shipment rate", "During the Chinese New Year holiday a few self-fulfilled orders shipped late and the late shipment rate reached 5%, above Amazon's 4% limit. We contacted every affected customer, shipped the orders as soon as the warehouse reopened, and now increase the handling time on self-fulfilled offers to seven days a week before every long holiday. Account health recovered after thirty days. The change is a recurring task before Chinese New Year, Labour Day and National Day, owned by the logistics seat, so nobody has to remember it."),
    ("en", "Leave policy", "Annual leave is 10 days in the first year and one more day for each year of service, up to 15. Request leave with a task assigned to your manager at least two weeks ahead, or one week for a single day. Sick leave: tell your manager by 9 am. Before leave, hand over open tasks to the seat's backup and note it in each task. Public holidays follow the local calendar, with a duty rota for marketplace messages. Unused leave can be carried into the first quarter of the next year."),
    ("en", "Expense reimbursement", "Claim business expenses within 30 days with a task that has the receipt, the payment proof and the purpose. Up to $70 your manager approves; above that the founder. Receipts must be in the company's name where the country allows it. Finance pays approved claims every Friday. Travel: economy class, hotels up to $120 a night in most cities. Personal items and fines are never reimbursed. Lost receipts can be replaced by a signed note for amounts under $20, at most twice a year. Claims submitted after 30 days need the founder's approval."),
    ("en", "Offboarding checklist", "A week before the last day: hand over every open task to the seat's backup and update the wiki pages you own. On the last day: return the laptop, remove the person's Seller Central, Shopify and Tmall users, revoke Keel access and API tokens, remove them from chat groups, and change any shared password they knew. Final pay follows local law. Write a short handover note on the seat so the next holder knows where things stand. The manager confirms each step in the task before closing it."),
    ("en", "FBA inventory reconciliation", "We do not count FBA stock ourselves; we reconcile it. At the start of each month download the Inventory Ledger report and check that opening stock plus receipts, minus sales and removals, plus or minus adjustments, equals closing stock. Differences usually come from units lost or damaged in the warehouse or short receipts. Open a case within 60 days of a shipment closing for missing units, and confirm reimbursements appear. Keep each month's ledger and the list of open cases in the finance folder; the accountant uses them to value inventory at year end."),
    ("en", "Amazon Business pricing", "Amazon Business customers are companies buying for offices, restaurants and schools. We set business prices and quantity discounts on the cutting board set and knife block: 5% off from 5 units, 10% from 20. Business buyers often need VAT invoices, so VAT invoice upload must be switched on. Check the business report monthly; restaurants ordering large boards are a growing segment. Quantity tiers must never undercut the Prime Day or Black Friday deal price, because Amazon compares them when checking the 30-day lowest price. Review the tiers once a year."),
    ("en", "Customer service tone of voice", "We write the way a helpful shop owner talks: warm, short, and specific. Use the customer's name, thank them once, apologise once when we got something wrong, then say exactly what happens next and when. No jargon like ASIN or FBA in customer messages. No exclamation marks in apologies. In Chinese use 您 only with customers who wrote formally; otherwise keep it friendly and plain. Read your reply once aloud before sending it: if it sounds like a form letter, rewrite the first sentence."),
]


def all_pages() -> list[Page]:
    """Every page in its final order; ids are p001… in this order."""
    return (
        CORE_HANS + CORE_EN + CORE_HANT + CORE_MIXED
        + inventory_records() + supplier_profiles() + sku_listing_notes() + hs_pages()
        + CARRIERS + cs_macros() + vat_pages() + CAMPAIGNS + MEETINGS + PAYROLL_MONTHS
        + RETURN_ANALYSIS + ONBOARDING_ROLES + PHOTO_SHOTS + PACKAGING_SPECS + TMALL_OPS
        + MISC_DISTRACTORS + FAQ_FINANCE + SHOPEE_OPS + HANT_INVENTORY + HANT_INVOICES + HANT_OPS
        + MIXED_EXTRA + EN_EXTRA
    )  # fmt: skip


# fmt: on
def _module(name: str, pages: list[dict[str, str]], doc: str) -> str:
    lines = [
        "# ruff: noqa: E501 - generated data, one field per line",
        f'"""{doc}"""',
        "",
        f"{name} = [",
    ]
    for page in pages:
        lines.append("    {")
        for key in ("id", "title", "body", "lang"):
            lines.append(f"        {json.dumps(key)}: {json.dumps(page[key], ensure_ascii=False)},")
        lines.append("    },")
    lines.append("]")
    return "\n".join(lines) + "\n"


def main() -> None:
    pages = [
        {"id": f"p{i:03d}", "title": t, "body": b, "lang": lang}
        for i, (lang, t, b) in enumerate(all_pages(), 1)
    ]
    half = len(pages) // 2
    here = Path(__file__).parent
    doc = "Generated by generate.py; do not edit by hand."
    (here / "corpus_a.py").write_text(_module("PAGES_A", pages[:half], doc), encoding="utf-8")
    (here / "corpus_b.py").write_text(_module("PAGES_B", pages[half:], doc), encoding="utf-8")


if __name__ == "__main__":
    main()
