# ruff: noqa: E501 - prose reads best one paragraph per line
"""Demo Shop's living wiki (English): what a Shenzhen home & kitchen shop selling on Amazon,
Shopify and Tmall keeps in its wiki after two years, with links, an image, a video,
revisions by several people, two pages overdue for review, and its contact directory.

Shape: `SPACES` (slug, name, description, department key or None, visibility, page tree) and
`CONTACTS`. A page: slug, title, body (Markdown), children, kind, owner (an email or
"seat:<title>"), optional review_days / review_overdue / revisions (oldest first; the body is
the newest) and, for templates, subject / variables / variants. `{{image:…}}` and
`{{video:…}}` are placeholders the loader replaces with attachment URLs.
"""

from __future__ import annotations

from typing import Any

Page = dict[str, Any]

OWNER = "owner@demo.example"  # Lin Wei, founder
ZHANG = "zhang.min@demo.example"  # Zhang Min, warehouse lead
SOPHIE = "sophie.turner@demo.example"  # Sophie Turner, customer service rep
WANG = "wang.fang@demo.example"  # 王芳, purchasing lead
MARIA = "maria.santos@freelancehub.example"  # Maria Santos, listing assistant


def _p(slug: str, title: str, owner: str, body: str, *children: Page, **extra: Any) -> Page:
    return {
        "slug": slug,
        "title": title,
        "body": body,
        "children": list(children),
        "kind": "page",
        "owner": owner,
    } | extra


# --- Company ---------------------------------------------------------------------------------

OUR_STORY_V1 = """Demo Shop started in 2019 in a spare room in Shenzhen. Lin Wei sold bamboo cutting boards on Amazon US.

More to come."""

OUR_STORY_V2 = """Demo Shop started in 2019 in a spare room in Longhua, Shenzhen. Lin Wei bought 300 bamboo cutting boards from a workshop in Ningbo and listed them on Amazon US. They sold out in six weeks.

## Milestones
- 2019: first sale on Amazon US.
- 2020: Zhang Min joins; first stockroom.
- 2021: Tmall store opens."""

OUR_STORY = """Demo Shop started in 2019 in a spare room in Longhua, Shenzhen. Lin Wei bought 300 bamboo cutting boards from a workshop in Ningbo and listed them on Amazon US. They sold out in six weeks, mostly because the photos showed the boards in a real kitchen instead of on white.

## Milestones
| Year | What happened | Why it mattered |
|---|---|---|
| 2019 | First sale on Amazon US | Proved that good photos and honest bullets sell a simple product |
| 2020 | @[Zhang Min] joins; first stockroom in Longhua | Domestic orders no longer packed in the living room |
| 2021 | Tmall store opens | Half of the year's growth came from China |
| 2022 | @[王芳] takes over purchasing | Supplier defects down from 4% to under 1% |
| 2023 | Shopify store; Amazon DE and UK | Less dependent on one marketplace |
| 2024 | Spice rack bundle becomes our best seller | First product we designed ourselves |

## What we learned the hard way
- **One supplier is no supplier.** In 2021 our only board workshop closed for a month after Chinese New Year and we were out of stock on Amazon for five weeks. Every top seller now has a second source (see [[Supplier list]]).
- **Read the account health page every day.** A listing suspension in 2022 cost us ¥80,000 in lost sales; the appeal took nine days. See [[Account health]].
- **Write it down.** When Zhang Min was on leave nobody knew how to book an FBA shipment. That is why this wiki exists.

## Where we are going
Our goals are in Keel under Goals: ¥10M a year across three marketplaces with our own brand, and a shop that runs from its seats rather than from the founder's inbox.
"""

WELCOME = """Welcome! This wiki is where Demo Shop writes down how things are done, so nobody has to ask the same question twice.

## Start here
- [[Our story]]: where we come from and what we learned.
- [[Team handbook]]: hours, tools, holidays and how we talk to each other.
- [[Onboarding checklist]]: your first two weeks.
- [[Glossary]]: FBA, ASIN, ACoS and the other abbreviations you will hear on day one.

## The spaces
| Space | What is in it | Ask |
|---|---|---|
| Operations | Warehouse, FBA shipments, carriers, customs | @[Zhang Min] |
| Purchasing | Suppliers, purchase orders, quality checks | @[王芳] |
| Marketing | Listings, photos, advertising, Tmall | @[Maria Santos] |
| Customer service | Refunds, replies, reviews, account health | @[Sophie Turner] |

Press `/` anywhere to search, in English or Chinese.

> [!TIP]
> Found something out of date? Fix it. Every page shows its owner; if you are not sure, mention them in a comment.
"""

HANDBOOK = """How we work together. Short on purpose: if a rule is missing, ask and we add it.

## Hours
- Shenzhen office: 09:00–18:00 (Asia/Shanghai), lunch 12:00–13:30.
- @[Maria Santos] works from Lisbon; our overlap is 15:00–18:00 Shenzhen time. Questions for her go into task comments before 15:00 so she finds them when she starts.
- Marketplace emergencies (suspended listing, account warning) go to the founder by phone at any hour.

## Tools and accounts
| What | Where | Who has access |
|---|---|---|
| Tasks, wiki, goals | Keel | Everyone |
| Amazon Seller Central | Browser, one user per person | Founder, listing assistant, customer service |
| Tmall backend (千牛) | Office PC | Founder, customer service |
| Shopify admin | Browser | Founder, marketing |
| ERP and stock | Lingxing ERP | Warehouse, purchasing |

Never share a Seller Central login: Amazon links accounts by device and may suspend both.

## Talking to each other
- Work questions go into the task, not into WeChat, so the answer stays with the work.
- Use WeChat for "I am running late" and for urgent calls.
- Weekly meeting: Monday 10:00, 30 minutes, numbers first (see [[Marketplace calendar]] for the weeks that change this).

See also [[Holidays and time off]] and [[Onboarding checklist]].
"""

ONBOARDING_V1 = """- [ ] Keel account
- [ ] Read the handbook
- [ ] Meet the team"""

ONBOARDING = """Your first two weeks. Your buddy ticks the boxes with you; copy this list into a task in your name.

## Day 1
- [ ] Keel account, two-factor authentication on
- [ ] Company email and WeChat work group
- [ ] Read [[Our story]] and [[Team handbook]]
- [ ] Lunch with the team

## Week 1
- [ ] Seller Central user with the permissions of your seat (ask @[Lin Wei])
- [ ] Walk through the stockroom with @[Zhang Min]: see [[Warehouse handbook]]
- [ ] Read the pages of your department's space and the [[Glossary]]
- [ ] Shadow one customer service shift with @[Sophie Turner]

## Week 2
- [ ] Own your first recurring task
- [ ] Fix one page in this wiki that confused you
- [ ] 30-minute check-in with the founder: what was unclear?

> [!NOTE]
> Assistants and freelancers skip the stockroom walk; they get a video call with the person whose seat they support instead.
"""

HOLIDAYS = """## Public holidays
We follow the mainland China holiday calendar, including the make-up working days. Marketplaces do not stop, so during long holidays one person is on duty each day for customer messages and account health.

| Holiday | Typical dates | Who is on duty |
|---|---|---|
| Chinese New Year | late January / February, 7 days | Rota, set in December |
| Labour Day | 1–5 May | Rota |
| National Day | 1–7 October | Rota |

> [!WARNING]
> Factories close for two to four weeks around Chinese New Year. Purchase orders for February and March must be placed by mid-November: see [[Purchasing process]].

## Asking for time off
1. Create a task "Time off: dates" assigned to the founder, at least two weeks ahead (one week for a single day).
2. Hand your open tasks to the seat's backup and say so in the task.
3. Put your out-of-office on email and in Keel.

Annual leave: 10 days in the first year, one more day per year of service, up to 15.
"""

MARKETPLACE_CALENDAR = """The dates that shape our year. Stock for the big events must reach FBA **six weeks** before the event; see [[FBA inbound shipments]].

| Event | Marketplace | When | Our usual plan |
|---|---|---|---|
| Chinese New Year | All (suppliers close) | Jan/Feb | Order early, no launches |
| 618 | Tmall, JD | 1–18 June | Spice rack bundle discount 15% |
| Prime Day | Amazon US/EU | July | Lightning deals on cutting boards |
| Back to school | Amazon US | August | Dorm kitchen sets |
| Singles' Day (11.11) | Tmall | 11 November, pre-sale from 20 Oct | Biggest Tmall event; extra service shift |
| Black Friday / Cyber Monday | Amazon, Shopify | late November | Coupons, Shopify newsletter |
| Christmas cut-off | Amazon US/EU | ~15 December | Stop ads for slow shippers |

- [ ] Confirm Prime Day deals with @[Lin Wei] by the end of May
- [ ] Book November freight by mid-September (@[Zhang Min])
"""

GLOSSARY = """Words you will hear in your first week.

| Term | Meaning |
|---|---|
| ASIN | Amazon's product number; one per product per marketplace |
| SKU | Our own stock number, e.g. `KB-BAM-L` for the large bamboo board |
| FBA | Fulfilled by Amazon: Amazon stores and ships our goods |
| FBM | We ship ourselves from the stockroom |
| 3PL | A third-party warehouse that stores and ships for us |
| ACoS | Advertising cost of sales: ad spend ÷ ad sales |
| PPC | Pay-per-click advertising (Sponsored Products and Brands) |
| A+ content | The image-rich product description below the bullets |
| ODR | Order defect rate: must stay under 1% (see [[Account health]]) |
| PO | Purchase order to a supplier |
| MOQ | Minimum order quantity |
| HS code | Customs tariff number of a product (see [[Customs and HS codes]]) |
| 千牛 | Tmall's seller app |
| 天猫小二 | Tmall's category manager |
"""

# --- Operations ----------------------------------------------------------------------------

WAREHOUSE_V1 = """Our stockroom is in Longhua. Shelves A–D, packing table by the door."""

WAREHOUSE = """Our stockroom in Longhua, Shenzhen: 120 m², about 1,800 cartons. It holds stock for Tmall and Shopify orders and a reserve that tops up FBA.

![Warehouse layout: receiving by the roller door, shelves A–F, packing tables, returns corner]({{image:warehouse-layout.png}})

## Zones
| Zone | What | Rule |
|---|---|---|
| R | Receiving | Nothing leaves R until it is counted |
| A–D | Fast movers (boards, spice racks, organisers) | First in, first out |
| E–F | Slow movers and packaging | Reviewed every quarter |
| P | Packing tables | Clean at the end of each day |
| X | Returns and damaged goods | See [[Processing returns]] |

## Daily routine
- 09:00 print Tmall and Shopify orders; ship before 16:00 (SF Express pick-up 16:30).
- 14:00 check inbound deliveries for the day: [[Receiving deliveries]].
- Friday: cycle count of one zone, results in the ERP.

How to pack is in [[Packing domestic orders]]. Questions: @[Zhang Min].
"""

RECEIVING = """Every delivery is counted and checked before it goes on a shelf. A wrong count found later costs ten times more.

1. Check the delivery note against the purchase order in the ERP (PO number, SKU, carton count).
2. Count cartons before signing. Write damage on the carrier's note and photograph it.
3. Open 1 carton in 10 (at least 2) and check against the [[Supplier quality checks]] list.
4. Enter received quantities in the ERP the same day; put the goods in zone A–F.

- [ ] Delivery note matches PO
- [ ] Cartons counted and photographed
- [ ] Sample cartons opened and checked
- [ ] ERP updated

> [!WARNING]
> If more than 2% of checked units are defective, stop: do not shelve the delivery. Tell @[王芳] the same day, with photos, so she can claim from the supplier before the balance is paid.
"""

PACKING = """How we pack Tmall and Shopify orders. Watch the video once; it shows the taping and the fragile items.

![Packing tutorial]({{video:packing-tutorial.webm}})

## Boxes
| Product | Box | Filling |
|---|---|---|
| Cutting boards | B3 flat box | None; corner protectors for the large board |
| Spice rack | B5 | Paper, jars wrapped separately |
| Knife block | B5 | Cardboard sleeve over the blades, "FRAGILE" sticker |
| Drawer organisers | B4 | None |

## Steps
1. Scan the order; the label prints with the box size.
2. Check SKU and quantity against the packing slip.
3. Pack, insert the thank-you card (Chinese for Tmall, English for Shopify).
4. Tape in an H pattern; label on the top, not over a seam.
5. Scan the label to mark the order shipped.

Tmall customers get the SF Express tracking number automatically; Shopify customers get an email.
"""

RETURNS = """What happens to a returned parcel, from the doorstep to the shelf or the bin. The customer-facing rules are in [[Refunds and returns policy]].

1. Log the return in the ERP with the order number; photograph the item.
2. Grade it:
   - **A**: unopened or as new → back to stock.
   - **B**: opened, works, packaging damaged → repack, sell as "open box" on Tmall only.
   - **C**: damaged or used → zone X; once a month to the supplier claim or recycling.
3. Tell @[Sophie Turner] the grade the same day so she can release the refund.

> [!NOTE]
> FBA returns are graded by Amazon. Once a month we ask for the "unsellable" units to be sent back to the stockroom; see [[FBA inbound shipments]] for the removal order steps.
"""

FBA_V1 = """1. Create the shipment in Seller Central.
2. Print labels.
3. Book the truck."""

FBA = """How we send stock to Amazon warehouses. Owner: the logistics coordinator seat. Plan six weeks for sea freight, two for air.

## Steps
1. Work out quantities from the reorder sheet (see [[Reorder points and safety stock]]).
2. In Seller Central → Send to Amazon, create the shipment plan; accept Amazon's warehouse split unless it costs more than $0.30 a unit extra.
3. Print FNSKU labels for every unit and carton labels for every box: [[Carton labels and shipping marks]].
4. Book the forwarder ([[Carriers and freight forwarders]]) and send them the shipment IDs.
5. Enter tracking numbers in Seller Central within 24 hours of pick-up.

## Cartons
Amazon rejects cartons over 23 kg or with a side over 63.5 cm. Our carton count per shipment:

```
=ROUNDUP(units / units_per_carton, 0)
=IF(carton_kg > 22.5, "SPLIT CARTON", "OK")
```

## Removal orders
Unsellable returns: Inventory → Fulfilment → Removal orders, ship to the Longhua stockroom. Do it on the first Monday of the month.
"""

LABELS = """Every carton to Amazon carries two labels: Amazon's carton label (FBA shipment ID) and our shipping mark for the forwarder.

Shipping mark layout:

```
DEMO SHOP / SHENZHEN
PO: 2024-118      CTN: 12 / 40
SKU: KB-BAM-L     QTY: 24 PCS
G.W.: 21.4 KG     MEAS: 60 x 40 x 35 CM
MADE IN CHINA
```

- Labels on two adjacent sides, never over a seam.
- The supplier prints our shipping marks; we send the FNSKU labels as PDF with the PO.
"""

CARRIERS = """Who moves our goods. Contacts and account numbers are in the contact directory (search "carrier").

| Carrier | Use it for | Booked by | Notes |
|---|---|---|---|
| SF Express | Domestic Tmall and Shopify-China orders | Warehouse | Daily pick-up 16:30 |
| Cainiao | Tmall returns and cross-border parcels | Warehouse | Through the Tmall backend |
| DHL Express | Samples to and from overseas, urgent FBA top-ups | Logistics | Account in the founder's name |
| UPS | Air freight to FBA US under 100 kg | Logistics | Cheaper than DHL above 45 kg |
| Oceanlink (forwarder) | Sea freight to FBA US and EU, DDP | Logistics | Quote by Wednesday for next week's sailing |

Ask for a quote with the [[Freight quote request]] template. Insurance: 0.3% of cargo value, always for sea freight.
"""

CUSTOMS = """The HS codes we use and the rules that have cost us money before. Our customs broker checks every new product; never guess a code.

| Product | HS code (US) | Duty (US) | Notes |
|---|---|---|---|
| Bamboo cutting board | 4419.11.0000 | 3.2% + Section 301 | Declare as bamboo, not wood |
| Spice rack (bamboo, with glass jars) | 4419.90.9000 | 3.2% | Jars declared as a set |
| Silicone lids | 3924.10.4000 | 3.4% | Needs FDA food-contact letter |
| Knife block (without knives) | 4420.90.8000 | 3.2% | |

> [!WARNING]
> The commercial invoice must show the price we actually paid. An undervalued invoice in 2022 led to a US customs hold and a $1,200 fine.

## Documents per shipment
- Commercial invoice and packing list (from the supplier, checked by @[王芳])
- Bill of lading (from the forwarder)
- For silicone lids: FDA and LFGB test reports

Questions on codes go to the customs broker listed in the directory (tag "customs").
"""

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

SPACES: list[dict[str, Any]] = [
    {
        "slug": "company",
        "name": "Company",
        "description": "Who we are, how we work, and where to start.",
        "department": None,
        "visibility": "workspace",
        "pages": [
            _p("welcome", "Welcome to Demo Shop", OWNER, WELCOME,
               _p("our-story", "Our story", OWNER, OUR_STORY, review_days=365, revisions=[
                   {"author": OWNER, "summary": "First draft", "body": OUR_STORY_V1},
                   {"author": ZHANG, "summary": "Added the early years", "body": OUR_STORY_V2},
               ]),
               _p("team-handbook", "Team handbook", OWNER, HANDBOOK,
                  _p("onboarding-checklist", "Onboarding checklist", "seat:Founder", ONBOARDING, review_days=180, revisions=[
                      {"author": OWNER, "summary": "Started the list", "body": ONBOARDING_V1},
                  ]),
                  _p("holidays-and-time-off", "Holidays and time off", OWNER, HOLIDAYS, review_days=365),
                  review_days=180),
               _p("marketplace-calendar", "Marketplace calendar", "seat:Sales lead", MARKETPLACE_CALENDAR, review_days=90),
               _p("glossary", "Glossary", MARIA, GLOSSARY)),
        ],
    },
    {
        "slug": "operations",
        "name": "Operations/Logistics",
        "description": "Warehouse, FBA shipments, carriers and customs.",
        "department": "operations",
        "visibility": "workspace",
        "pages": [
            _p("warehouse-handbook", "Warehouse handbook", "seat:Warehouse lead", WAREHOUSE,
               _p("receiving-deliveries", "Receiving deliveries", ZHANG, RECEIVING, review_days=180),
               _p("packing-domestic-orders", "Packing domestic orders", ZHANG, PACKING),
               _p("processing-returns", "Processing returns", "seat:Warehouse lead", RETURNS),
               review_days=90, revisions=[
                   {"author": ZHANG, "summary": "Stockroom basics", "body": WAREHOUSE_V1},
               ]),
            _p("fba-inbound-shipments", "FBA inbound shipments", "seat:Logistics coordinator", FBA,
               _p("carton-labels-and-shipping-marks", "Carton labels and shipping marks", ZHANG, LABELS),
               review_days=90, revisions=[
                   {"author": OWNER, "summary": "Quick notes", "body": FBA_V1},
               ]),
            _p("carriers-and-freight-forwarders", "Carriers and freight forwarders", "seat:Logistics coordinator", CARRIERS),
            _p("customs-and-hs-codes", "Customs and HS codes", "seat:Logistics coordinator", CUSTOMS, review_days=90, review_overdue=True),
        ],
    },
    {
        "slug": "purchasing",
        "name": "Purchasing",
        "description": "Suppliers, purchase orders, reorder points and quality checks.",
        "department": "purchasing",
        "visibility": "workspace",
        "pages": [
            _p("purchasing-process", "Purchasing process", "seat:Purchasing lead", PURCHASING,
               _p("reorder-points-and-safety-stock", "Reorder points and safety stock", WANG, REORDER, review_days=90, revisions=[
                   {"author": OWNER, "summary": "Rule of thumb", "body": REORDER_V1},
                   {"author": WANG, "summary": "Lead times per family", "body": REORDER_V2},
                   {"author": ZHANG, "summary": "Transit days were missing", "body": REORDER_V2 + "\n\nAdd sea transit: 30 days to FBA US."},
               ]),
               _p("supplier-quality-checks", "Supplier quality checks", WANG, QC, review_days=180),
               _p("payment-terms-and-deposits", "Payment terms and deposits", "seat:Bookkeeping", PAYMENT)),
            _p("supplier-list", "Supplier list", WANG, SUPPLIER_LIST,
               {"slug": "freight-quote-request", "title": "Freight quote request", "kind": "template", "owner": "seat:Logistics coordinator",
                "subject": FREIGHT_QUOTE_EN["subject"], "body": FREIGHT_QUOTE_EN["body"], "variables": FREIGHT_VARIABLES,
                "variants": {"en": FREIGHT_QUOTE_EN, "zh-hans": FREIGHT_QUOTE_HANS}, "children": []}),
        ],
    },
    {
        "slug": "marketing",
        "name": "Marketing & listings",
        "description": "Listings, keywords, photos, advertising and the Tmall store.",
        "department": "marketing",
        "visibility": "workspace",
        "pages": [
            _p("listing-guidelines", "Listing guidelines", "seat:Listing assistant", LISTINGS,
               _p("amazon-titles-and-bullets", "Amazon titles and bullets", MARIA, TITLES, review_days=90, revisions=[
                   {"author": OWNER, "summary": "Basic rules", "body": TITLES_V1},
                   {"author": MARIA, "summary": "Bullets and search terms", "body": TITLES_V1 + "\n\nBullets start with a benefit in capitals. Backend search terms under 249 bytes."},
               ]),
               _p("keyword-research", "Keyword research", "seat:Listing assistant", KEYWORDS),
               _p("product-photography-brief", "Product photography brief", SOPHIE, PHOTO_BRIEF)),
            _p("ppc-advertising-playbook", "PPC advertising playbook", "seat:Marketing lead", PPC, review_days=90),
            _p("tmall-store-operations", "Tmall store operations", OWNER, TMALL),
        ],
    },
    {
        "slug": "customer-service",
        "name": "Customer service",
        "description": "Refunds, replies, reviews and account health.",
        "department": "service",
        "visibility": "workspace",
        "pages": [
            _p("customer-service-basics", "Customer service basics", "seat:Customer service rep", CS_BASICS,
               _p("refunds-and-returns-policy", "Refunds and returns policy", SOPHIE, REFUNDS, review_days=180, revisions=[
                   {"author": OWNER, "summary": "First version", "body": REFUNDS_V1},
                   {"author": SOPHIE, "summary": "Per marketplace", "body": REFUNDS_V2},
               ]),
               _p("reply-macros", "Reply macros", SOPHIE, MACROS, review_days=90, review_overdue=True),
               _p("handling-negative-reviews", "Handling negative reviews", SOPHIE, NEGATIVE_REVIEWS),
               {"slug": "damaged-item-reply", "title": "Damaged item reply", "kind": "template", "owner": SOPHIE,
                "subject": DAMAGED_EN["subject"], "body": DAMAGED_EN["body"], "variables": DAMAGED_VARIABLES,
                "variants": {"en": DAMAGED_EN, "zh-hans": DAMAGED_HANS}, "children": []}),
            _p("account-health", "Account health", "seat:Customer service rep", ACCOUNT_HEALTH, review_days=90),
        ],
    },
    {
        "slug": "management",
        "name": "Management",
        "description": "Finances, hiring and negotiations. Private to the founder.",
        "department": "management",
        "visibility": "private",
        "pages": [
            _p("month-end-close", "Month-end close", "seat:Bookkeeping", MONTH_END, review_days=365),
            _p("hiring-plan-operations-manager", "Hiring plan: operations manager", OWNER, HIRING),
            _p("supplier-price-negotiations", "Supplier price negotiations", OWNER, NEGOTIATION),
        ],
    },
]  # fmt: skip

# (company, name, role, email, phone, tags, notes, department key)
_CONTACT_ROWS = [
    ("Ningbo Kitchenware Co., Ltd.", "Chen Jianguo", "Sales manager", "chen.jg@nbkitchen.example.cn", "+86 574 5550 1201", ["supplier", "bamboo", "cutting boards"], "Main board supplier since 2019. WeChat is fastest; replies by email within a day. 30/70 terms.", "purchasing"),
    ("Ningbo Kitchenware Co., Ltd.", "Xu Lei", "QC supervisor", "qc@nbkitchen.example.cn", "+86 574 5550 1230", ["supplier", "quality"], "Sends inspection photos and moisture readings before shipping.", "purchasing"),
    ("Yiwu Home Goods Trading Co.", "Zhou Li", "Account manager", "zhouli@yiwuhome.example.cn", "+86 579 5550 8832", ["supplier", "spice racks", "organisers"], "Very reliable. Closed 3 weeks at Chinese New Year.", "purchasing"),
    ("Shenzhen Bright Silicone Products", "Huang Zhiqiang", "Sales director", "huang@brightsilicone.example.cn", "+86 755 5550 3307", ["manufacturer", "silicone", "lids"], "New in 2023. Check colour against the golden sample every batch. 50/50 terms.", "purchasing"),
    ("Shenzhen Bright Silicone Products", "Liu Yang", "Engineer", "liu.yang@brightsilicone.example.cn", "+86 755 5550 3321", ["manufacturer", "tooling"], "Moulds and FDA / LFGB test reports.", "purchasing"),
    ("Yangjiang Blade Works", "Mo Jianhua", "Owner", "mo@yjblade.example.cn", "+86 662 5550 7710", ["manufacturer", "knife blocks"], "Knife blocks and the magnetic knife strip. MOQ 300.", "purchasing"),
    ("Anji Bamboo Co.", "Wu Haiyan", "Export sales", "wuhy@anjibamboo.example.cn", "+86 572 5550 4419", ["supplier", "bamboo", "second source"], "Second source for boards; samples approved 2024.", "purchasing"),
    ("Dongguan Printing & Packaging", "Tan Wei", "Project manager", "tanwei@dgpack.example.cn", "+86 769 5550 2266", ["supplier", "packaging"], "Retail boxes and thank-you cards. Proofs in 3 days.", "purchasing"),
    ("Amazon (US marketplace)", "Jennifer Park", "Strategic account manager", "jpark@amazon-sam.example.com", "+1 206 555 0147", ["marketplace", "amazon", "account manager"], "Monthly call, first Tuesday. Can escalate a stuck appeal, not decide it.", "sales"),
    ("Amazon (EU marketplaces)", "Lukas Becker", "Account manager EU", "lbecker@amazon-eu.example.com", "+49 30 5550 1874", ["marketplace", "amazon", "vat"], "DE, FR, IT, ES. Helps with the EU VAT and EPR questions.", "sales"),
    ("Tmall (Home category)", "Gao Ming", "Category manager (小二)", "gaoming@tmall-partner.example.cn", "+86 571 5550 6618", ["marketplace", "tmall", "campaigns"], "Campaign sign-ups for 618 and 11.11. Contact through 千牛 first.", "marketing"),
    ("Shopify Plus", "Support", "Merchant support", "support@shopify-merchant.example.com", "", ["marketplace", "shopify"], "Chat support in the admin is faster than email.", "marketing"),
    ("DHL Express China", "Zhao Peng", "Account executive", "zhao.peng@dhl-cn.example.cn", "+86 755 5550 9001", ["carrier", "express", "samples"], "Account 95xxxx. Samples and urgent FBA top-ups. Pick-up before 15:00.", "operations"),
    ("UPS Shenzhen", "Karen Lee", "Account executive", "klee@ups-sz.example.com", "+86 755 5550 9120", ["carrier", "air freight"], "Air freight to FBA US under 100 kg; cheaper than DHL above 45 kg.", "operations"),
    ("SF Express", "Li Qiang", "Key account manager", "liqiang@sf-express.example.cn", "+86 755 5550 9555", ["carrier", "domestic"], "Daily pick-up at 16:30 at the Longhua stockroom. Monthly invoice.", "operations"),
    ("Cainiao", "Sun Yu", "Cross-border account manager", "sunyu@cainiao.example.cn", "+86 571 5550 8800", ["carrier", "tmall", "returns"], "Tmall returns and cross-border parcels.", "operations"),
    ("Oceanlink Logistics (Shenzhen)", "Vivian Ho", "Sales", "vivian@oceanlink.example.com", "+86 755 5550 4433", ["forwarder", "sea freight", "fba"], "DDP sea freight to FBA US and EU. Quotes by Wednesday for next week's sailing.", "operations"),
    ("ShipRight Fulfillment (New Jersey)", "Mike Russo", "Account manager", "mrusso@shipright3pl.example.com", "+1 732 555 0182", ["3pl", "warehouse", "us"], "US 3PL for Shopify orders and FBA prep. Invoices on the 5th.", "operations"),
    ("Rhein Fulfilment GmbH", "Anna Schmidt", "Customer success", "a.schmidt@rheinfulfil.example.com", "+49 221 5550 3390", ["3pl", "warehouse", "eu"], "EU stock for Amazon DE/FR and Shopify EU.", "operations"),
    ("Pacific Customs Brokers (Los Angeles)", "Daniel Ortiz", "Licensed customs broker", "dortiz@pacificbrokers.example.com", "+1 310 555 0166", ["customs", "broker", "hs code"], "Checks HS codes for new products; ISF filings for every sea shipment.", "operations"),
    ("Ningbo Haiguan Customs Agency", "Fang Hui", "Customs declarant", "fanghui@nbcustoms.example.cn", "+86 574 5550 6120", ["customs", "export", "broker"], "Export declarations from Ningbo port.", "operations"),
    ("Harbour & Co. Accountants", "Grace Wong", "Accountant", "grace@harbourco.example.com", "+852 5550 2288", ["accountant", "tax", "vat"], "Month-end pack by the 10th. Handles Germany and UK VAT returns.", "finance"),
    ("Ping An Cargo Insurance", "Cheng Bo", "Broker", "chengbo@pingan-cargo.example.cn", "+86 755 5550 7788", ["insurance", "freight"], "0.3% of cargo value; claims within 30 days of delivery.", "operations"),
    ("Studio North", "Emma Lin", "Product photographer", "emma@studionorth.example.com", "+86 755 5550 6060", ["photo", "video", "marketing"], "Half-day shoot ¥3,500; studio in Nanshan. Book two weeks ahead.", "marketing"),
    ("Lumen IP Law", "Robert Hale", "Trademark attorney", "rhale@lumenip.example.com", "+1 415 555 0139", ["legal", "trademark"], "US and EU trademark filings.", "management"),
]  # fmt: skip

CONTACTS: list[dict[str, Any]] = [
    {
        "company": c,
        "name": n,
        "role": r,
        "email": e,
        "phone": ph,
        "tags": t,
        "notes": no,
        "department": d,
    }
    for c, n, r, e, ph, t, no, d in _CONTACT_ROWS
]
