# ruff: noqa: E501 - prose reads best one paragraph per line
"""The pages every new workspace starts with, in its language: a guide to write the company's
history, how the team works, three email templates (each in English and Chinese) and the
contact directory. Real, editable text a shop owner would keep, not placeholders.

Shape: `STARTER[language]` is a list of page dicts (slug, title, body in Markdown, children,
kind "page" | "template"); a template also has subject, variables and `variants` by language
(the catalogue's language first, English always present).
"""

from __future__ import annotations

from typing import Any

Page = dict[str, Any]

# --- Email templates: one text per language ------------------------------------------------

SUPPLIER_FOLLOW_UP: dict[str, dict[str, str]] = {
    "en": {
        "subject": "PO {{po_number}}: shipping date and status",
        "body": """Dear {{contact_name}},

I hope you are well. I am following up on our purchase order {{po_number}} with {{supplier_name}}, placed on {{order_date}}.

The confirmed ex-works date was {{ship_date}} and we have not yet received an update. Could you please let us know by {{reply_by}}:

1. The current production status and the new ready date, if it has changed.
2. Photos of the finished goods and the packed cartons (shipping marks visible).
3. The final packing list: cartons, gross weight and CBM, so we can book the freight.

Our inventory of these items runs out soon, so a delay affects our sales directly. If anything is holding production up (materials, packaging, approval from our side), please tell us now and we will help solve it.

Thank you, and best regards,
{{your_name}}
{{company_name}}""",
    },
    "zh-hans": {
        "subject": "采购单 {{po_number}}：请确认出货时间和生产进度",
        "body": """{{contact_name}} 你好，

关于我们在 {{order_date}} 下给 {{supplier_name}} 的采购单 {{po_number}}，想跟进一下进度。

之前确认的出厂日期是 {{ship_date}}，目前还没有收到更新。麻烦在 {{reply_by}} 前回复以下几点：

1. 现在的生产进度；如果交期有变化，请给出新的出货日期。
2. 成品和打包好的外箱照片（要能看到唛头）。
3. 最终装箱单：箱数、毛重和体积（CBM），我们好订舱。

这批货的库存快卖完了，延误会直接影响销售。如果卡在原料、包材或者需要我们确认的地方，请尽早告诉我们，我们一起想办法。

谢谢！
{{your_name}}
{{company_name}}""",
    },
    "zh-hant": {
        "subject": "採購單 {{po_number}}：請確認出貨時間與生產進度",
        "body": """{{contact_name}} 你好，

關於我們在 {{order_date}} 向 {{supplier_name}} 下的採購單 {{po_number}}，想跟你確認一下進度。

先前確認的出廠日期是 {{ship_date}}，目前還沒有收到更新。麻煩在 {{reply_by}} 前回覆以下幾點：

1. 目前的生產進度；如果交期有變動，請提供新的出貨日期。
2. 成品和裝箱完成的外箱照片（需看得到嘜頭）。
3. 最終裝箱單：箱數、毛重和材積（CBM），方便我們訂艙。

這批商品的庫存快賣完了，延誤會直接影響銷售。如果是原料、包材或需要我們確認的地方卡住，請盡早告訴我們，我們一起想辦法。

謝謝！
{{your_name}}
{{company_name}}""",
    },
}

MARKETPLACE_APPEAL: dict[str, dict[str, str]] = {
    "en": {
        "subject": "Appeal: {{issue}} for ASIN {{asin}} (Merchant Token {{seller_id}})",
        "body": """Dear Amazon Seller Performance Team,

Our listing for ASIN {{asin}} was deactivated on {{notice_date}} because of {{issue}}. We take this seriously and have reviewed the case in full. Below is our plan of action.

**Root cause**
{{root_cause}}

**Actions we have taken**
- We removed the affected units from sale and checked the remaining inventory.
- {{corrective_action}}
- We contacted every customer who ordered the affected item in the last 90 days.

**Steps to prevent this in the future**
- {{preventive_action}}
- A second person now checks every listing change before it goes live.
- We review the Account Health dashboard every morning and answer any notice within 24 hours.

Attached: {{attachments}}.

We ask you to reinstate ASIN {{asin}}. Thank you for your time; we are happy to provide anything else you need.

Sincerely,
{{your_name}}
{{store_name}}""",
    },
    "zh-hans": {
        "subject": "申诉：ASIN {{asin}} 因{{issue}}被下架（卖家 ID {{seller_id}}）",
        "body": """> [!NOTE]
> 亚马逊只看英文申诉。这份中文稿用来内部对齐事实和措施，定稿后请用英文版本提交。

亚马逊卖家绩效团队：

我们的 ASIN {{asin}} 于 {{notice_date}} 因{{issue}}被停售。我们非常重视，已经对此事做了全面排查，以下是我们的行动计划。

**根本原因**
{{root_cause}}

**已经采取的措施**
- 已将受影响的商品下架，并检查了剩余库存。
- {{corrective_action}}
- 已联系过去 90 天内购买过该商品的每一位买家。

**防止再次发生的措施**
- {{preventive_action}}
- 每次修改 Listing，上线前都由第二个人复核。
- 每天早上查看账户状况页面，所有通知 24 小时内处理。

附件：{{attachments}}。

恳请恢复 ASIN {{asin}} 的销售权限。如需其他材料，我们随时提供。

{{your_name}}
{{store_name}}""",
    },
    "zh-hant": {
        "subject": "申訴：ASIN {{asin}} 因{{issue}}遭停售（賣家 ID {{seller_id}}）",
        "body": """> [!NOTE]
> Amazon 只審核英文申訴。這份中文稿用來在內部確認事實和改善措施，定稿後請用英文版本送出。

Amazon 賣家績效團隊您好：

我們的 ASIN {{asin}} 於 {{notice_date}} 因{{issue}}遭到停售。我們非常重視，已經完整調查此事，以下是我們的行動計畫。

**根本原因**
{{root_cause}}

**已採取的措施**
- 已將受影響的商品下架，並檢查剩餘庫存。
- {{corrective_action}}
- 已聯絡過去 90 天內購買此商品的每一位顧客。

**防止再次發生的措施**
- {{preventive_action}}
- 每次修改商品頁，上線前都由第二個人複核。
- 每天早上查看帳號健康狀況頁面，所有通知 24 小時內處理。

附件：{{attachments}}。

懇請恢復 ASIN {{asin}} 的銷售權限。如需其他資料，我們隨時提供。

{{your_name}}
{{store_name}}""",
    },
}

CUSTOMER_REFUND: dict[str, dict[str, str]] = {
    "en": {
        "subject": "Your refund for order {{order_number}}",
        "body": """Hi {{customer_name}},

Thank you for letting us know, and I am sorry the {{product_name}} did not work out for you.

I have issued a refund of {{refund_amount}} for order {{order_number}} to your original payment method. Depending on your bank, it appears on your statement within {{refund_days}} business days.

{{return_instructions}}

If there is anything else we can do, just reply to this email. We read every message and answer within one business day.

Best wishes,
{{your_name}}
{{store_name}} customer care""",
    },
    "zh-hans": {
        "subject": "订单 {{order_number}} 的退款已处理",
        "body": """{{customer_name}} 你好，

谢谢你告诉我们这件事，{{product_name}} 没能让你满意，非常抱歉。

订单 {{order_number}} 的退款 {{refund_amount}} 已经按原支付方式退回。到账时间视银行而定，一般在 {{refund_days}} 个工作日内。

{{return_instructions}}

如果还有其他需要，直接回复这封邮件就好。每条消息我们都会看，一个工作日内回复。

祝好！
{{your_name}}
{{store_name}} 客服""",
    },
    "zh-hant": {
        "subject": "訂單 {{order_number}} 的退款已處理",
        "body": """{{customer_name}} 你好，

謝謝你告訴我們，{{product_name}} 沒能讓你滿意，真的很抱歉。

訂單 {{order_number}} 的退款 {{refund_amount}} 已經依原付款方式退回。入帳時間依銀行而定，一般在 {{refund_days}} 個工作天內。

{{return_instructions}}

如果還有其他需要，直接回覆這封信就可以了。每則訊息我們都會看，一個工作天內回覆。

祝順心！
{{your_name}}
{{store_name}} 客服""",
    },
}

_VARIABLES = {
    "supplier-follow-up": ["supplier_name", "contact_name", "po_number", "order_date", "ship_date", "reply_by", "your_name", "company_name"],
    "marketplace-appeal": ["asin", "seller_id", "issue", "notice_date", "root_cause", "corrective_action", "preventive_action", "attachments", "your_name", "store_name"],
    "customer-refund": ["customer_name", "order_number", "product_name", "refund_amount", "refund_days", "return_instructions", "your_name", "store_name"],
}  # fmt: skip

_TEXTS = {
    "supplier-follow-up": SUPPLIER_FOLLOW_UP,
    "marketplace-appeal": MARKETPLACE_APPEAL,
    "customer-refund": CUSTOMER_REFUND,
}


def _template(slug: str, title: str, language: str) -> Page:
    """A template page in `language`'s catalogue with an English and a Chinese variant: the
    Chinese catalogues keep English because marketplaces and overseas suppliers read it, and
    the English one offers Simplified Chinese for the factories it writes to."""
    texts = _TEXTS[slug]
    chinese = "zh-hans" if language == "en" else language
    variants = {"en": dict(texts["en"]), chinese: dict(texts[chinese])}
    return {
        "slug": slug,
        "title": title,
        "kind": "template",
        "subject": texts[language]["subject"],
        "body": texts[language]["body"],
        "variables": list(_VARIABLES[slug]),
        "variants": variants,
        "children": [],
    }


# --- English -------------------------------------------------------------------------------

_EN_HISTORY = """Why write this down? New people, suppliers and marketplaces all ask the same questions: who are you, how did you start, what do you stand for. A page everyone can read saves the founder telling the story a hundred times, and keeps it the same each time.

Fill in each section in a few sentences. Keep it true and plain; edit it once a year.

## How it started
- **Year and place:** when and where the business began.
- **The first product:** what it was, who made it, where you sold it first.
- **Why:** the problem you wanted to solve or the customer you wanted to serve.

## Milestones
| Year | What happened | Why it mattered |
|---|---|---|
| 20__ | First sale on … | Proved people would pay for … |
| 20__ | First employee / first supplier we still work with | |
| 20__ | Opened on a second marketplace | |
| 20__ | Own brand registered | |

## What we sell and to whom
Our main product lines, the marketplaces and countries we sell in, and the typical customer (in one sentence: who buys, and why from us).

## What we learned the hard way
Two or three lessons that still shape decisions, for example a supplier that failed us, a listing suspension, a stock-out before a peak season. Say what changed afterwards.

## Where we are going
Link to the vision and goals in Keel, and say in one line what the next year is about.

> [!TIP]
> Ask the longest-serving people to add one memory each. A history with several voices reads better than one written by the founder alone.
"""

_EN_HOW_WE_WORK = """How a small team spread over several time zones gets work done without long meetings. Change this page when the way we work changes; it is the rulebook, not a wish list.

## Working hours and time zones
| Who | Time zone | Core hours (local) | Overlap with head office |
|---|---|---|---|
| Head office | Asia/Shanghai (UTC+8) | 09:00–18:00 | — |
| Overseas assistants | e.g. America/New_York, Europe/Lisbon | agreed per person | 2 hours a day |
| Warehouse | local | 08:30–17:30 | full |

- Everyone is reachable during **core hours**. Outside them, nobody is expected to answer.
- Put your hours and days off in your Keel profile so others can see when you are online.
- Urgent means a customer, a marketplace or money is at risk today. Everything else can wait for core hours.

## Where things live in Keel
- **Tasks and projects:** every piece of work with an owner and a due date. If it is not in a task, it is not happening.
- **Wiki:** how we do things (guides, checklists, email templates, contacts). Write it once, link it everywhere.
- **Org chart:** who holds which seat. Work belongs to the seat, so when someone is away the seat's tasks are still visible.
- **Goals:** where the company is going this year and in five years.

## How to ask for help
1. Search the wiki first (press `/`).
2. Ask in a task comment and mention the person with `@`, so the answer stays with the work.
3. If it is blocking you today, say so in the first line: "Blocking: …".
4. When you find the answer, add it to the wiki page where you looked first.

## Weekly rhythm
| When | What | Who |
|---|---|---|
| Monday | Plan the week: check My tasks, overdue work and stock levels | Everyone |
| Tuesday | Sales and advertising review (last week's numbers) | Sales, marketing |
| Wednesday | Supplier and purchasing check-in | Purchasing, logistics |
| Thursday | Customer service review: open cases, reviews, returns | Customer service |
| Friday | Write a short progress update on each project you own | Project owners |

## Writing things down
- A page has one owner and a review date. If you see something wrong, fix it or tell the owner.
- Prefer short pages with checklists over long essays.
- Screenshots go out of date quickly; describe the step in words and add the screenshot under it.
"""

_EN_TEMPLATES = """Emails we send again and again, ready to use. Open a template, choose **Use**, fill in the fields and the subject and body are copied for you (or opened in your mail program).

- [[Supplier follow-up]] — chase a late purchase order.
- [[Marketplace appeal]] — plan of action for an Amazon listing suspension or an account health warning.
- [[Customer refund]] — confirm a refund to a customer.

Each template has an English and a Chinese version. Words in double braces, such as `{{order_number}}`, are the fields you fill in.

> [!TIP]
> When you write the same email a third time, make it a template: copy one of these pages and change it.
"""

_EN_CONTACTS = """The addresses we need every week, in one place: suppliers, factories, marketplace account managers, carriers, our warehouse partner, the accountant and the customs broker.

## How to use the directory
- Open **Contacts** in the wiki to search by company, person, tag or phone number. Our own team appears there automatically from their accounts.
- Every contact has a **department** that deals with them. Ask that department before contacting a supplier or a marketplace directly, so we speak with one voice.
- Use **tags** for what the contact is (supplier, carrier, marketplace) and what they handle (bamboo, customs, FBA).
- Write what matters in **notes**: payment terms, the best time to call, who to ask when the main contact is away.

## Keeping it current
- When someone leaves a supplier or a role changes, update the contact the same day.
- Export the directory to CSV (or vCard for your phone) from the Contacts page; import a CSV to add many at once.

> [!WARNING]
> Do not keep passwords or bank details in notes. Bank changes announced by email must be confirmed by phone with a number already in this directory: fake "new bank account" emails are the most common fraud against small shops.
"""

# --- 简体中文 --------------------------------------------------------------------------------

_HANS_HISTORY = """为什么要写下来？新同事、供应商和平台经理都会问同样的问题：你们是谁、怎么起步的、看重什么。写成一页大家都能看的文档，老板就不用把故事讲一百遍，而且每次讲的都一样。

每一节写几句话就够。实事求是、简单直白，每年更新一次。

## 怎么起步的
- **时间和地点：**哪一年、在哪里开始做的。
- **第一款产品：**是什么、谁做的、最先在哪个平台卖。
- **为什么做：**想解决什么问题，或者想服务什么样的客户。

## 大事记
| 年份 | 发生了什么 | 意义 |
|---|---|---|
| 20__ 年 | 在……卖出第一单 | 证明有人愿意为……买单 |
| 20__ 年 | 第一位员工 / 合作至今的第一家供应商 | |
| 20__ 年 | 开了第二个平台 | |
| 20__ 年 | 注册自有品牌 | |

## 我们卖什么、卖给谁
主要产品线、销售的平台和国家，以及典型客户（一句话：谁在买，为什么找我们买）。

## 踩过的坑
两三条至今还影响决策的教训，比如被供应商坑过、Listing 被下架、旺季前断货。写清楚之后改了什么。

## 往哪里去
链接到 Keel 里的愿景和目标，用一句话说明明年的重点。

> [!TIP]
> 请老员工每人补充一段回忆。几个人一起写的历史，比老板一个人写的更好看。
"""

_HANS_HOW_WE_WORK = """一个分散在几个时区的小团队，怎样不开长会也能把事做好。做法变了就改这一页：这是规矩，不是愿望清单。

## 工作时间和时区
| 谁 | 时区 | 核心时间（当地） | 和总部重叠 |
|---|---|---|---|
| 总部 | Asia/Shanghai (UTC+8) | 09:00–18:00 | — |
| 海外助理 | 如 America/New_York、Europe/Lisbon | 每人单独约定 | 每天 2 小时 |
| 仓库 | 当地 | 08:30–17:30 | 全部 |

- **核心时间**内大家都要能联系上；核心时间以外，没人需要回复。
- 在 Keel 个人资料里写上你的工作时间和休假，别人就知道你什么时候在线。
- “紧急”指今天客户、平台或者钱有风险。其他事都可以等到核心时间再处理。

## 东西都放在 Keel 的哪里
- **任务和项目：**每件事都有负责人和截止日期。不在任务里的事，就等于没人在做。
- **知识库：**我们怎么做事（操作指南、检查清单、邮件模板、联系人）。写一次，到处链接。
- **组织架构图：**谁在哪个岗位。工作属于岗位，有人请假时，岗位上的任务照样看得见。
- **目标：**公司今年和五年后要到哪里。

## 怎么求助
1. 先搜知识库（按 `/`）。
2. 在任务评论里提问，用 `@` 提及对方，答案就跟着这件事留下来。
3. 如果今天就卡住了，第一行写明：“卡住了：……”。
4. 找到答案后，把它补到你最先去找的那一页里。

## 每周节奏
| 时间 | 做什么 | 谁 |
|---|---|---|
| 周一 | 排本周计划：看我的任务、逾期任务和库存 | 所有人 |
| 周二 | 销售和广告复盘（上周数据） | 销售、市场 |
| 周三 | 供应商和采购例会 | 采购、物流 |
| 周四 | 客服复盘：未结案件、评价、退货 | 客服 |
| 周五 | 给自己负责的每个项目写一条简短的进度更新 | 项目负责人 |

## 把事情写下来
- 每一页都有一个负责人和复查日期。看到写错的地方，直接改，或者告诉负责人。
- 多写带检查清单的短页面，少写长篇大论。
- 截图很快会过时：先用文字写清步骤，再在下面放截图。
"""

_HANS_TEMPLATES = """经常要写的邮件，拿来就能用。打开模板，点**使用**，填好字段，标题和正文就复制好了（也可以直接在邮件程序里打开）。

- [[供应商催货]] —— 跟进延期的采购单。
- [[平台申诉]] —— 亚马逊 Listing 被下架或账户状况警告时的行动计划。
- [[客户退款]] —— 告诉客户退款已处理。

每个模板都有英文和中文两个版本。双大括号里的词，比如 `{{order_number}}`，就是要填的字段。

> [!TIP]
> 同一封邮件写到第三遍，就把它做成模板：复制一个现有模板页再改。
"""

_HANS_CONTACTS = """每周都要用到的联系方式都在这里：供应商、工厂、平台客户经理、物流商、海外仓、会计和报关行。

## 怎么用通讯录
- 在知识库里打开**联系人**，可以按公司、姓名、标签或电话搜索。团队成员会根据账号自动出现。
- 每个联系人都标了**对接部门**。直接联系供应商或平台之前，先问对接部门，对外口径保持一致。
- 用**标签**标明对方是谁（供应商、物流商、平台）以及负责什么（竹制品、报关、FBA）。
- 重要的事写在**备注**里：付款条件、什么时候打电话最好、主要联系人不在时找谁。

## 保持更新
- 供应商换人或者岗位变了，当天就更新。
- 在联系人页面可以导出 CSV（或导出 vCard 存进手机）；要一次添加很多人，就导入 CSV。

> [!WARNING]
> 备注里不要写密码或银行账号。对方邮件通知“更换收款账户”时，一定要用通讯录里已有的电话打过去确认：假冒换账户的邮件是小商家最常遇到的诈骗。
"""

# --- 繁體中文 --------------------------------------------------------------------------------

_HANT_HISTORY = """為什麼要寫下來？新同事、供應商和平台窗口都會問同樣的問題：你們是誰、怎麼開始的、重視什麼。寫成一頁大家都能看的文件，老闆就不用把故事講一百遍，而且每次講的都一樣。

每一節寫幾句話就夠了。據實、簡單，每年更新一次。

## 怎麼開始的
- **時間和地點：**哪一年、在哪裡開始。
- **第一項商品：**是什麼、誰做的、最先在哪個平台賣。
- **為什麼做：**想解決什麼問題，或想服務什麼樣的顧客。

## 大事紀
| 年份 | 發生什麼事 | 意義 |
|---|---|---|
| 20__ 年 | 在……賣出第一筆訂單 | 證明有人願意為……付錢 |
| 20__ 年 | 第一位員工／合作至今的第一家供應商 | |
| 20__ 年 | 開了第二個平台 | |
| 20__ 年 | 註冊自有品牌 | |

## 我們賣什麼、賣給誰
主要商品線、銷售的平台和國家，以及典型顧客（一句話：誰在買，為什麼跟我們買）。

## 學到的教訓
兩三則到現在還影響決策的教訓，例如供應商出包、商品頁被停售、旺季前缺貨。寫清楚後來改了什麼。

## 接下來往哪裡走
連結到 Keel 裡的願景和目標，用一句話說明明年的重點。

> [!TIP]
> 請資深同事每人補上一段回憶。幾個人一起寫的歷史，比老闆一個人寫的更耐讀。
"""

_HANT_HOW_WE_WORK = """一個分散在好幾個時區的小團隊，如何不開冗長的會議也能把事情做好。做法改了就更新這一頁：這是規則，不是願望清單。

## 工作時間與時區
| 誰 | 時區 | 核心時段（當地） | 與總部重疊 |
|---|---|---|---|
| 總部 | Asia/Taipei (UTC+8) | 09:00–18:00 | — |
| 海外助理 | 例如 Asia/Manila、America/Los_Angeles | 每人個別約定 | 每天 2 小時 |
| 倉庫 | 當地 | 08:30–17:30 | 全部 |

- **核心時段**內大家都要聯絡得到；核心時段以外，沒有人需要回覆。
- 在 Keel 個人資料寫上你的工作時間和休假，別人就知道你什麼時候在線上。
- 「緊急」是指今天顧客、平台或金流有風險。其他事情都可以等到核心時段再處理。

## 東西放在 Keel 的哪裡
- **任務和專案：**每件事都有負責人和到期日。沒有建成任務的事，就等於沒人在做。
- **知識庫：**我們怎麼做事（操作說明、檢查清單、電子郵件範本、聯絡人）。寫一次，到處連結。
- **組織圖：**誰任職哪個職位。工作屬於職位，有人休假時，職位上的任務一樣看得到。
- **目標：**公司今年和五年後要走到哪裡。

## 怎麼求助
1. 先搜尋知識庫（按 `/`）。
2. 在任務留言裡提問，用 `@` 提及對方，答案就會跟著這件事留下來。
3. 如果今天就被卡住，第一行寫明：「卡關：……」。
4. 找到答案後，把它補進你最先去找的那一頁。

## 每週節奏
| 時間 | 做什麼 | 誰 |
|---|---|---|
| 週一 | 排定本週計畫：看我的任務、逾期任務和庫存 | 所有人 |
| 週二 | 銷售與廣告檢討（上週數據） | 業務、行銷 |
| 週三 | 供應商與採購例會 | 採購、物流 |
| 週四 | 客服檢討：未結案件、評價、退貨 | 客服 |
| 週五 | 為自己負責的每個專案寫一則簡短的進度更新 | 專案負責人 |

## 把事情寫下來
- 每一頁都有一位負責人和複查日期。看到寫錯的地方，直接修改，或告訴負責人。
- 多寫附檢查清單的短頁面，少寫長篇大論。
- 截圖很快就會過時：先用文字寫清楚步驟，再把截圖放在下面。
"""

_HANT_TEMPLATES = """經常要寫的信件，拿來就能用。打開範本，按**使用**，填好欄位，主旨和內文就複製好了（也可以直接在郵件程式中開啟）。

- [[供應商催貨]] —— 追蹤延誤的採購單。
- [[平台申訴]] —— Amazon 商品頁遭停售或帳號健康狀況警告時的行動計畫。
- [[顧客退款]] —— 通知顧客退款已處理。

每個範本都有英文和中文兩個版本。雙大括號中的詞，例如 `{{order_number}}`，就是要填寫的欄位。

> [!TIP]
> 同一封信寫到第三次，就把它做成範本：複製一個現有的範本頁面再修改。
"""

_HANT_CONTACTS = """每週都會用到的聯絡方式都在這裡：供應商、工廠、平台窗口、物流商、海外倉、會計師和報關行。

## 怎麼使用通訊錄
- 在知識庫打開**聯絡人**，可以依公司、姓名、標籤或電話搜尋。團隊成員會依帳號自動列出。
- 每位聯絡人都標有**負責部門**。直接聯絡供應商或平台之前，先問負責部門，對外說法保持一致。
- 用**標籤**標示對方的身分（供應商、物流商、平台）和負責的項目（竹製品、報關、FBA）。
- 重要的事寫在**備註**：付款條件、什麼時候打電話最方便、主要窗口不在時找誰。

## 保持最新
- 供應商換窗口或職務異動，當天就更新。
- 在聯絡人頁面可以匯出 CSV（或匯出 vCard 存進手機）；要一次新增很多人，就匯入 CSV。

> [!WARNING]
> 備註裡不要寫密碼或銀行帳號。對方來信通知「更換收款帳戶」時，一定要用通訊錄中既有的電話打過去確認：假冒更換帳戶的信件是小型賣家最常遇到的詐騙。
"""


def _page(slug: str, title: str, body: str, children: list[Page] | None = None) -> Page:
    return {"slug": slug, "title": title, "body": body, "children": children or [], "kind": "page"}


STARTER: dict[str, list[Page]] = {
    "en": [
        _page("company-history", "Company history", _EN_HISTORY),
        _page("how-we-work", "How we work", _EN_HOW_WE_WORK),
        _page("email-templates", "Email templates", _EN_TEMPLATES, [
            _template("supplier-follow-up", "Supplier follow-up", "en"),
            _template("marketplace-appeal", "Marketplace appeal", "en"),
            _template("customer-refund", "Customer refund", "en"),
        ]),
        _page("contacts", "Contacts", _EN_CONTACTS),
    ],
    "zh-hans": [
        _page("company-history", "公司历史", _HANS_HISTORY),
        _page("how-we-work", "我们怎么工作", _HANS_HOW_WE_WORK),
        _page("email-templates", "邮件模板", _HANS_TEMPLATES, [
            _template("supplier-follow-up", "供应商催货", "zh-hans"),
            _template("marketplace-appeal", "平台申诉", "zh-hans"),
            _template("customer-refund", "客户退款", "zh-hans"),
        ]),
        _page("contacts", "联系人", _HANS_CONTACTS),
    ],
    "zh-hant": [
        _page("company-history", "公司沿革", _HANT_HISTORY),
        _page("how-we-work", "我們的工作方式", _HANT_HOW_WE_WORK),
        _page("email-templates", "電子郵件範本", _HANT_TEMPLATES, [
            _template("supplier-follow-up", "供應商催貨", "zh-hant"),
            _template("marketplace-appeal", "平台申訴", "zh-hant"),
            _template("customer-refund", "顧客退款", "zh-hant"),
        ]),
        _page("contacts", "聯絡人", _HANT_CONTACTS),
    ],
}  # fmt: skip
