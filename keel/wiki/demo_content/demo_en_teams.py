# ruff: noqa: E501 - prose reads best one paragraph per line
"""The demo wiki's English pages for purchasing, marketing, customer service and
management: page bodies and email templates that demo_en.py arranges into spaces (split
from it so neither module runs past a few hundred lines of prose)."""

from __future__ import annotations

# --- Purchasing ----------------------------------------------------------------------------

PURCHASING = """How we buy, from reorder to payment. Owner: the purchasing lead seat.

1. The reorder sheet flags a SKU under its reorder point: [[Reorder points and safety stock]].
2. Ask the supplier for price and ready date; for a new product, order samples first.
3. Create the PO in the ERP; @[Lin Wei] approves any PO over ¥50,000.
4. Pay the deposit ([[Payment terms and deposits]]).
5. Inspection before shipping: [[Supplier quality checks]].
6. Pay the balance after the inspection report is approved.
7. Book freight and follow the goods: [[FBA inbound shipments]].

A late supplier gets the "Supplier follow-up" email the day after the promised date; chasing by WeChat alone is not enough, we need it in writing.

> [!NOTE]
> Before Chinese New Year factories close for 2–4 weeks. Place POs for February–March by mid-November.
"""

REORDER_V1 = """Reorder when stock < 30 days of sales."""

REORDER_V2 = """Reorder point = daily sales × lead time in days.

Lead times: boards 35 days, spice racks 45 days."""

REORDER = """When to reorder, and how much. The sheet "Reorder 2025" in the shared drive does the sums; this page explains them.

## Formulas
```
Daily sales     = units sold in the last 28 days / 28
Safety stock    = daily sales × 14
Reorder point   = daily sales × (production days + transit days) + safety stock
Order quantity  = MAX(MOQ, daily sales × 60)
```

In the sheet (row 2 is the first SKU):

```
=ROUNDUP(C2/28*(D2+E2) + C2/28*14, 0)
```

## Lead times
| SKU family | Supplier | Production | Sea transit to FBA US |
|---|---|---|---|
| Bamboo boards (KB-BAM-*) | Ningbo Kitchenware | 25 days | 30 days |
| Spice racks (SR-*) | Yiwu Home Goods | 30 days | 30 days |
| Silicone lids (SL-*) | Shenzhen Bright Silicone | 20 days | 30 days |
| Knife blocks (KN-*) | Yangjiang Blade Works | 35 days | 30 days |

For peak season ([[Marketplace calendar]]) double the safety stock from September.

Updated after the spice rack stock-out: @[Zhang Min] added the transit days, @[王芳] checks the sheet every Monday.
"""

QC = """What we check before we pay the balance. For orders over ¥30,000 a third-party inspector visits the factory; for smaller ones the supplier sends photos and a video of the checks.

## Checklist
- [ ] Quantity and carton count match the PO
- [ ] Carton marks and FNSKU labels correct ([[Carton labels and shipping marks]])
- [ ] Dimensions within ±2 mm of the approved sample
- [ ] Bamboo: no cracks, moisture under 12% (meter photo)
- [ ] Silicone: no smell, colour matches the golden sample
- [ ] Drop test: carton dropped from 76 cm on edge and corner, no damage
- [ ] Retail box print: barcode scans, no spelling mistakes

## Sampling
AQL 2.5 for major defects, 4.0 for minor (general inspection level II). 500 units → 50 checked.

> [!WARNING]
> Never pay the balance before the report is approved by @[王芳]. Once the money is gone, so is our leverage.
"""

PAYMENT = """| Supplier | Terms | Deposit | Paid by |
|---|---|---|---|
| Ningbo Kitchenware | 30/70 | 30% with PO | Bank transfer (CNY) |
| Yiwu Home Goods | 30/70 | 30% with PO | Alipay business |
| Shenzhen Bright Silicone | 50/50 | 50% with PO | Bank transfer |
| Yangjiang Blade Works | 30/70 | 30% with PO | Bank transfer |

- The bookkeeping seat pays; purchasing asks with a task that links the PO and the inspection report.
- Balance only after the QC report is approved: see [[Supplier quality checks]].

> [!WARNING]
> A supplier that emails new bank details is treated as fraud until confirmed by phone on the number in the directory.
"""

SUPPLIER_LIST = """Our active suppliers. Phone numbers and emails are in the contact directory; this page says what each is good at.

| Supplier | City | Makes | Since | Rating |
|---|---|---|---|---|
| Ningbo Kitchenware Co. | Ningbo | Bamboo boards | 2019 | ★★★★ good quality, often late |
| Yiwu Home Goods Trading | Yiwu | Spice racks, organisers | 2020 | ★★★★★ |
| Shenzhen Bright Silicone | Shenzhen | Silicone lids | 2023 | ★★★ new, watch the colours |
| Yangjiang Blade Works | Yangjiang | Knife blocks, magnetic strip | 2022 | ★★★★ |
| Anji Bamboo Co. | Anji | Second source for boards (samples) | 2024 | — |
| Dongguan Printing & Packaging | Dongguan | Retail boxes, cards | 2021 | ★★★★ |

Second source for every product in the top ten: see [[Our story]] for why.
"""

FREIGHT_QUOTE_EN = {
    "subject": "Freight quote: {{cartons}} cartons to {{destination}}, ready {{ready_date}}",
    "body": """Hi {{forwarder_contact}},

Please quote sea freight (DDP) for the following shipment:

- Pick-up: {{pickup_address}}, ready on {{ready_date}}
- Destination: {{destination}}
- Cartons: {{cartons}}, total {{weight_kg}} kg, {{volume_cbm}} CBM
- Goods: {{goods}}

Please include customs clearance, duties as an estimate, insurance at 0.3% and the sailing date. We need the quote by {{quote_by}}.

Thank you,
{{your_name}}
Demo Shop""",
}
FREIGHT_QUOTE_HANS = {
    "subject": "询价：{{cartons}} 箱发往 {{destination}}，{{ready_date}} 可提货",
    "body": """{{forwarder_contact}} 你好，

麻烦报一下这票货的海运双清包税（DDP）价格：

- 提货地址：{{pickup_address}}，{{ready_date}} 可提货
- 目的地：{{destination}}
- 箱数：{{cartons}} 箱，总重 {{weight_kg}} kg，体积 {{volume_cbm}} CBM
- 品名：{{goods}}

请含清关费、预估关税、保险（货值 0.3%）和船期。我们需要在 {{quote_by}} 前收到报价。

谢谢！
{{your_name}}
Demo Shop""",
}
FREIGHT_VARIABLES = [
    "forwarder_contact",
    "cartons",
    "destination",
    "ready_date",
    "pickup_address",
    "weight_kg",
    "volume_cbm",
    "goods",
    "quote_by",
    "your_name",
]

# --- Marketing -------------------------------------------------------------------------------

LISTINGS = """How we write and keep product pages on Amazon, Shopify and Tmall. Owner: the listing assistant seat.

- [[Amazon titles and bullets]]: the rules Amazon enforces and the ones we add.
- [[Keyword research]]: every quarter, per product family.
- [[Product photography brief]]: what the photographer delivers.
- [[Tmall store operations]]: the Chinese store has its own rhythm.

## Every change
1. Draft in the AMZ project in Keel, not directly in Seller Central.
2. A second person reviews (the founder or @[Maria Santos]).
3. Publish, then check the live page within an hour: a suppressed listing is fixed the same day.
"""

TITLES_V1 = """Title: brand + product + size. Max 200 characters. Five bullets."""

TITLES = """## Titles
- Brand, product, key feature, size/count, colour: `Demo Shop Bamboo Cutting Board Large, 45 x 30 cm, Juice Groove, Natural`
- At most 125 characters (Amazon allows 200 but cuts it on mobile).
- No promotional words ("best", "sale"), no ALL CAPS, no symbols like ! or ★.

## Bullets
- Five bullets, each starting with a two-to-four-word benefit in capitals: `JUICE GROOVE KEEPS THE COUNTER CLEAN – ...`
- Answer the top three customer questions (see the questions tab on the listing).
- Dimensions and care instructions always in bullet 4 and 5.

## Backend search terms
Under 249 bytes, no commas needed, no brand names of others, no words already in the title.

> [!WARNING]
> Claims like "antibacterial" or "BPA-free" need a test report on file. A listing was suppressed in 2022 for "antibacterial": see [[Account health]].

Reviewed with @[Lin Wei] after the German listings; @[Maria Santos] keeps it current.
"""

KEYWORDS = """Every quarter, per product family, in the AMZ project.

1. Export the search term report (Advertising → Reports → Search term, last 60 days).
2. Add Brand Analytics top search terms for our ASINs.
3. Keep terms with at least 3 orders or a conversion rate above 10%.
4. Put the best term in the title, the next ones in bullets, the rest in backend search terms ([[Amazon titles and bullets]]).
5. Add converting terms as exact-match keywords in the campaigns ([[PPC advertising playbook]]).

Top terms last quarter (cutting boards):

| Search term | Orders | Conversion |
|---|---|---|
| bamboo cutting board | 412 | 14.2% |
| cutting board with juice groove | 188 | 16.8% |
| large cutting board for kitchen | 121 | 11.0% |
| wood cutting board set | 64 | 7.9% |
"""

PHOTO_BRIEF = """What every photo shoot delivers. The booking task is in the MKT project.

## Per product
| Shot | Spec | Used for |
|---|---|---|
| Main image | Pure white (#FFFFFF), product fills 85%, 2000 × 2000 px | Amazon main, Tmall 主图 |
| Lifestyle ×3 | Real kitchen, daylight, hands in one shot | Amazon images 2–4, Shopify |
| Dimensions | Product with a ruler or a hand for scale | Amazon image 5 |
| Detail ×2 | Juice groove, joints, texture | A+ content |
| Video 30 s | Unboxing and use | Amazon video, Tmall 主图视频 |

- [ ] Shot list agreed with @[Sophie Turner] a week before
- [ ] Samples from stock, cleaned, labels removed
- [ ] Raw files and edits in the shared drive, folder per SKU

Our photographer and studio are in the contact directory (tag "photo").
"""

PPC = """How we run Amazon ads. Budget and targets are set by the marketing lead seat; until it is filled, the founder.

## Campaign structure per product family
- **Auto** campaign: low bids, harvests search terms.
- **Manual exact**: terms with 3+ orders from [[Keyword research]].
- **Product targeting**: competitor ASINs with worse ratings than ours.
- **Sponsored Brands**: brand store, only for families with 3+ products.

## Targets
| Product age | Target ACoS | Action when above target for 2 weeks |
|---|---|---|
| Launch (0–8 weeks) | up to 45% | Keep, check conversion |
| Growing | 30% | Lower bids 10% |
| Mature | 20% | Lower bids, add negatives |

## Every Tuesday
- [ ] Negative-match terms with 15+ clicks and no order
- [ ] Move converting auto terms to manual exact
- [ ] Check budgets are not running out before 18:00 US time

```
ACoS = ad spend / ad sales
TACoS = ad spend / total sales
```
"""

TMALL = """The Tmall store runs differently from Amazon: more promotions, faster chat, and the platform's 小二 (category manager) decides on campaign slots.

## Daily
- Answer 旺旺 chat within 30 seconds during 09:00–23:00 (service score counts toward campaign eligibility).
- Check 千牛 for orders not shipped within 48 hours: the penalty is 5% of the order value.

## Campaigns
| Campaign | Sign-up | Discount floor |
|---|---|---|
| 618 | early May | 15% |
| 99 大促 | early August | 10% |
| Singles' Day | late September | 20% + shop coupons |

- Register for campaigns through the 小二; their contact is in the directory (tag "tmall").
- Campaign prices must be the lowest in the last 30 days on every marketplace in China, or Tmall removes us from the campaign.

Returns on Tmall follow "7 days no reason" (七天无理由退货); see [[Refunds and returns policy]].
"""

# --- Customer service ----------------------------------------------------------------------

CS_BASICS = """Every customer gets an answer within 24 hours, in their language, on the marketplace they used. Owner: the customer service rep seat.

## Where messages arrive
| Channel | Check | Tool |
|---|---|---|
| Amazon buyer messages | 09:00, 13:00, 17:00 | Seller Central |
| Tmall 旺旺 | All day | 千牛 |
| Shopify email | 09:00, 15:00 | help@ mailbox |

## Pages you will use daily
- [[Refunds and returns policy]]
- [[Reply macros]]
- [[Handling negative reviews]]
- [[Account health]]

Anything about a defect goes to @[王芳] with photos, so purchasing can claim from the supplier.
"""

REFUNDS_V1 = """Refund within 30 days. Customer pays return shipping."""

REFUNDS_V2 = """## Amazon
Refund within 30 days of delivery. Amazon handles the label.

## Tmall
7 days no reason.

## Shopify
30 days, customer pays return shipping."""

REFUNDS = """What customers can expect, per marketplace. The warehouse side is in [[Processing returns]].

| | Amazon | Tmall | Shopify |
|---|---|---|---|
| Return window | 30 days from delivery (Nov–Dec orders: until 31 Jan) | 7 days no reason (七天无理由) | 30 days |
| Return shipping | Free if defective; Amazon's rules otherwise | Buyer pays unless defective; 运费险 if bought | Free for defects, otherwise buyer pays |
| Refund timing | When Amazon scans the return | When the warehouse confirms receipt | Within 2 business days of receipt |

## Refund without return
For items under $15 (or ¥50) that arrive damaged, refund without asking for the item back; ask for a photo for the supplier claim.

## Partial refunds
Offer 20% back for cosmetic damage if the customer keeps the item. Above 20%, ask @[Lin Wei].

> [!WARNING]
> Never ask a customer to cancel or change a review in exchange for a refund. It breaks Amazon's rules and can suspend the account (see [[Account health]]).

Use the "Customer refund" template to confirm the refund in writing.
"""

MACROS = """Ready answers for the questions we get every day. Copy, then make it personal: use the name, mention the product.

## Where is my order?
> Hi {name}, thank you for your message. Your order {order} left our warehouse on {date} with {carrier}; the tracking number is {tracking}. It usually arrives within {days} days. I will keep an eye on it and write again if it stops moving.

## The board has cracked
> Hi {name}, I am sorry the board cracked. Could you send a photo of the crack? We will send a replacement or refund you, whichever you prefer; you do not need to send the board back.

## Can I put it in the dishwasher?
> The bamboo boards should be washed by hand and oiled once a month; the dishwasher makes them crack. The silicone lids and the spice jars are dishwasher-safe.

## Do you ship to …?
> Our Shopify store ships to the US, Canada, the UK and the EU. For other countries please order on Amazon.

Reply times and tone: see [[Customer service basics]].
"""

NEGATIVE_REVIEWS = """How we answer reviews of 3 stars or fewer. The goal is to help the customer and learn, not to argue.

1. Within 24 hours, check the order: is it a defect, a misunderstanding, or a shipping problem?
2. Amazon: use "Contact buyer" from the review (Brand Registry) with the standard Amazon template; never offer anything in return for changing the review.
3. Tmall: reply publicly to 追评 in a calm tone and solve it in chat.
4. Log the reason in the "Reviews" sheet: defect type, SKU, batch.
5. Three reviews with the same defect in a month → task for @[王芳] to raise it with the supplier.

> [!TIP]
> A public answer is read by the next hundred buyers, not by the reviewer. Be brief, factual and kind.
"""

ACCOUNT_HEALTH = """Amazon can suspend a listing or the whole account when these numbers slip. Check the Account Health page every morning; the customer service rep owns it, the founder is told of any warning the same day.

| Metric | Amazon's limit | Our target |
|---|---|---|
| Order defect rate (ODR) | under 1% | under 0.3% |
| Late shipment rate (FBM) | under 4% | 0% |
| Pre-fulfilment cancel rate | under 2.5% | 0% |
| Valid tracking rate | over 95% | 100% |
| Policy violations | 0 | 0 |

## When a listing is suspended
1. Read the notice: which policy, which ASIN, what evidence Amazon wants.
2. Fix the cause first (listing text, safety document, invoice).
3. Write a plan of action with the "Marketplace appeal" template: root cause, actions taken, prevention.
4. Submit through Account Health → the notice → Appeal. One appeal, complete; repeated appeals slow it down.

> [!WARNING]
> Never open a second seller account to get around a suspension: Amazon links accounts and closes both.

History: 2022 suspension for "antibacterial" in a bullet, reinstated after 9 days. Rules we added afterwards are in [[Amazon titles and bullets]].
"""

DAMAGED_EN = {
    "subject": "Your order {{order_number}}: replacement on its way",
    "body": """Hi {{customer_name}},

Thank you for the photos, and I am sorry the {{product_name}} arrived damaged.

A replacement left our warehouse today with {{carrier}}; the tracking number is {{tracking_number}}. You do not need to send the damaged item back.

If the replacement is not right either, reply to this email and I will refund you straight away.

Best wishes,
{{your_name}}
Demo Shop customer care""",
}
DAMAGED_HANS = {
    "subject": "你的订单 {{order_number}}：补发的商品已寄出",
    "body": """{{customer_name}} 你好，

谢谢你发来的照片，{{product_name}} 到货时有损坏，真的很抱歉。

补发的商品今天已经从仓库通过 {{carrier}} 寄出，快递单号是 {{tracking_number}}。损坏的那件不用寄回。

如果补发的商品还有问题，直接回复这封邮件，我马上给你退款。

祝好！
{{your_name}}
Demo Shop 客服""",
}
DAMAGED_VARIABLES = [
    "customer_name",
    "order_number",
    "product_name",
    "carrier",
    "tracking_number",
    "your_name",
]

# --- Management (private) ------------------------------------------------------------------

MONTH_END = """The founder and the bookkeeping seat close each month by the 10th.

- [ ] Download Amazon settlement reports (US, DE, UK) and Tmall 支付宝 statements
- [ ] Match payouts to bank receipts; note FX rates used
- [ ] Supplier invoices (发票) received for all paid POs
- [ ] Inventory value from the ERP, FBA inventory report
- [ ] VAT returns: Germany and UK (quarterly, via the accountant)
- [ ] Send the pack to the accountant (directory, tag "accountant")
- [ ] Margin per product and marketplace into the "P&L 2025" sheet

```
Gross margin % = (revenue - COGS - marketplace fees - freight) / revenue
```

> [!NOTE]
> Figures in this space are confidential: the space is visible to the founder and to whom the founder adds.
"""

HIRING = """We plan to hire an operations manager next year (see the org chart: planned seat). The seat takes purchasing, logistics and customer service off the founder's desk.

## Profile
- 3+ years in cross-border e-commerce operations, Amazon FBA and Tmall
- Has managed suppliers and a small team
- Writes clear English and Chinese; keeps procedures written down

## Process
1. Job ad on Boss 直聘 and LinkedIn in January.
2. Phone screen (founder), 30 minutes.
3. Case: plan the Prime Day stock for our top 5 SKUs with real (anonymised) numbers.
4. Meet @[Zhang Min] and @[王芳]; they must both say yes.

Budget: ¥20,000 a month plus a bonus on on-time FBA delivery and ODR.
"""

NEGOTIATION = """Notes for the yearly price talks in March. Confidential.

| Supplier | 2024 spend | Ask | Fallback |
|---|---|---|---|
| Ningbo Kitchenware | ¥610,000 | −5% or 60 days balance | Move 30% of board volume to Anji Bamboo |
| Yiwu Home Goods | ¥420,000 | −3%, free cartons | Keep price, ask for faster samples |
| Yangjiang Blade Works | ¥180,000 | Same price, MOQ 300 → 200 | Accept MOQ 250 |

- Quality data from [[Supplier quality checks]] and the reviews log before the call.
- @[王芳] leads the Ningbo call; the founder joins only to close.
"""
