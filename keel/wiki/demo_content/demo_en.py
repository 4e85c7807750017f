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

from keel.wiki.demo_content.demo_en_teams import (
    ACCOUNT_HEALTH,
    CS_BASICS,
    DAMAGED_EN,
    DAMAGED_HANS,
    DAMAGED_VARIABLES,
    FREIGHT_QUOTE_EN,
    FREIGHT_QUOTE_HANS,
    FREIGHT_VARIABLES,
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
