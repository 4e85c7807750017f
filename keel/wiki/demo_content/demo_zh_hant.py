# ruff: noqa: E501 - prose reads best one paragraph per line
"""示範商店's living wiki (zh-hant): the English demo's wiki as a Taipei team writes it (Taiwan
vocabulary, NT$, a Taoyuan warehouse, Shopee instead of Tmall as the zh-hant demo's goals
say), with the same spaces, slugs and shape (see demo_en.py; its Shopee page is
"shopee-store-operations").
"""

from __future__ import annotations

from typing import Any

from keel.wiki.demo_content.demo_en_teams import (
    DAMAGED_EN,
    DAMAGED_VARIABLES,
    FREIGHT_QUOTE_EN,
    FREIGHT_VARIABLES,
)
from keel.wiki.demo_content.demo_zh_hant_teams import (
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
    SHOPEE,
    SUPPLIER_LIST,
    TITLES,
    TITLES_V1,
)

Page = dict[str, Any]

OWNER = "owner@demo-zht.example"  # 林志偉，創辦人
CHANG = "chang.yating@demo-zht.example"  # 張雅婷，倉儲主管
CHEN = "chen.yijun@demo-zht.example"  # 陳怡君，客服專員
WANG = "wang.shufen@demo-zht.example"  # 王淑芬，採購主管
ANA = "ana.reyes@freelancehub.example"  # Ana Reyes，商品頁助理（菲律賓）


def _p(slug: str, title: str, owner: str, body: str, *children: Page, **extra: Any) -> Page:
    page = {"slug": slug, "title": title, "body": body, "children": list(children)}
    return page | {"kind": "page", "owner": owner} | extra


FREIGHT_QUOTE_HANT = {
    "subject": "詢價：{{cartons}} 箱寄往 {{destination}}，{{ready_date}} 可提貨",
    "body": """{{forwarder_contact}} 你好，

麻煩提供這批貨的海運 DDP（含稅到府）報價：

- 提貨地址：{{pickup_address}}，{{ready_date}} 可提貨
- 目的地：{{destination}}
- 箱數：{{cartons}} 箱，總重 {{weight_kg}} kg，材積 {{volume_cbm}} CBM
- 品名：{{goods}}

請包含清關費、預估關稅、保險（貨值 0.3%）和船期。我們需要在 {{quote_by}} 前收到報價。

謝謝！
{{your_name}}
示範商店""",
}

DAMAGED_HANT = {
    "subject": "你的訂單 {{order_number}}：補寄的商品已出貨",
    "body": """{{customer_name}} 你好，

謝謝你提供照片，{{product_name}} 到貨時有破損，真的很抱歉。

補寄的商品今天已經從倉庫透過 {{carrier}} 寄出，追蹤編號是 {{tracking_number}}。破損的那件不用寄回。

如果補寄的商品還有問題，直接回覆這封信，我會馬上幫你退款。

祝順心！
{{your_name}}
示範商店客服""",
}

# --- 公司 ------------------------------------------------------------------------------------

OUR_STORY_V1 = """示範商店 2019 年在台北一間分租套房起家。林志偉在 Amazon 美國站賣竹砧板。

待補充。"""

OUR_STORY_V2 = """示範商店 2019 年在台北中和的一間分租套房起家。林志偉向寧波一間工坊進了 300 塊竹砧板，放上 Amazon 美國站，六週就賣完了。

## 大事紀
- 2019 年：Amazon 美國站第一筆訂單。
- 2020 年：張雅婷加入，有了第一個倉庫。
- 2021 年：蝦皮賣場開張。"""

OUR_STORY = """示範商店 2019 年在台北中和的一間分租套房起家。林志偉向寧波一間工坊進了 300 塊竹砧板，放上 Amazon 美國站，六週就賣完了——主要是因為照片拍的是真實廚房裡的砧板，而不是去背白底圖。

## 大事紀
| 年份 | 發生什麼事 | 意義 |
|---|---|---|
| 2019 年 | Amazon 美國站第一筆訂單 | 證明好照片加上誠實的五點描述，簡單的商品也賣得動 |
| 2020 年 | @[張雅婷] 加入；在桃園租了第一個倉庫 | 國內訂單不用再在客廳打包 |
| 2021 年 | 蝦皮賣場開張 | 當年一半的成長來自台灣 |
| 2022 年 | @[王淑芬] 接手採購 | 供應商不良率從 4% 降到 1% 以下 |
| 2023 年 | Shopify 官網上線；開 Amazon 日本站 | 不再只靠單一平台 |
| 2024 年 | 香料架組合成為銷售冠軍 | 第一項我們自己設計的商品 |

## 學到的教訓
- **只有一家供應商，等於沒有供應商。** 2021 年過完農曆年，唯一的砧板工坊停工一個月，Amazon 缺貨五週。現在每個熱銷品都有第二個貨源（見[[供應商名單]]）。
- **每天看帳號健康狀況。** 2022 年一個商品頁被停售，少了約新台幣 35 萬元營收，申訴花了九天。見[[帳號健康狀況]]。
- **把事情寫下來。** 雅婷休假那次，沒人知道 FBA 怎麼出貨。這就是這個知識庫存在的原因。

## 接下來往哪裡走
目標寫在 Keel 的「目標」裡：三個平台、自有品牌，年營收新台幣 5,000 萬元；公司靠職位運作，而不是靠老闆的 LINE。
"""

WELCOME = """歡迎！示範商店的做事方法都寫在這個知識庫裡，同一個問題沒有人需要問第二次。

## 從這裡開始
- [[我們的故事]]：我們從哪裡來，學到了哪些教訓。
- [[團隊手冊]]：上班時間、工具、休假和溝通方式。
- [[新人到職清單]]：你的前兩週。
- [[名詞解釋]]：FBA、ASIN、ACoS 這些第一天就會聽到的縮寫。

## 各個空間
| 空間 | 內容 | 找誰 |
|---|---|---|
| 營運／物流 | 倉庫、FBA 出貨、物流商、報關 | @[張雅婷] |
| 採購 | 供應商、採購單、驗貨 | @[王淑芬] |
| 行銷與商品頁 | 商品頁、照片、廣告、蝦皮 | @[Ana Reyes] |
| 客服 | 退款、常用回覆、評價、帳號健康狀況 | @[陳怡君] |

在任何頁面按 `/` 就能搜尋，中文、英文都可以。

> [!TIP]
> 發現內容過時了？直接修改。每一頁都寫著負責人；不確定的話，在留言裡 @ 負責人。
"""

HANDBOOK = """我們怎麼一起工作。刻意寫得很短：缺了哪條規則，提出來我們就補上。

## 上班時間
- 台北辦公室：09:00–18:00（Asia/Taipei），午休 12:00–13:30。
- @[Ana Reyes] 在馬尼拉工作，和我們同一個時區，但她的上班時間是 13:00–22:00。給她的問題請寫在任務留言，用英文。
- 平台緊急狀況（商品頁遭停售、帳號警告）任何時間都直接打電話給老闆。

## 工具與帳號
| 工具 | 在哪裡 | 誰有權限 |
|---|---|---|
| 任務、知識庫、目標 | Keel | 所有人 |
| Amazon 賣家平台 | 瀏覽器，每人一個使用者帳號 | 老闆、商品頁助理、客服 |
| 蝦皮賣家中心 | 瀏覽器 | 老闆、客服 |
| Shopify 後台 | 瀏覽器 | 老闆、行銷 |
| ERP 與庫存 | 雲端 ERP | 倉儲、採購 |

Amazon 的登入帳號絕對不能共用：Amazon 會依裝置關聯帳號，可能兩個賣場一起被停權。

## 溝通
- 工作上的問題寫在任務裡，不要只在 LINE 說，答案才會跟著這件事留下來。
- LINE 用來說「我晚點到」和打緊急電話。
- 週會：週一 10:00，30 分鐘，先看數字（哪幾週例外，見[[平台檔期行事曆]]）。

另見[[假期與請假]]和[[新人到職清單]]。
"""

ONBOARDING_V1 = """- [ ] 建立 Keel 帳號
- [ ] 讀團隊手冊
- [ ] 認識同事"""

ONBOARDING = """你的前兩週。帶你的同事會陪你一起打勾；請把這份清單複製成一個指派給你的任務。

## 第 1 天
- [ ] 建立 Keel 帳號，開啟兩步驟驗證
- [ ] 公司信箱，加入 LINE 工作群組
- [ ] 讀[[我們的故事]]和[[團隊手冊]]
- [ ] 和大家一起吃午餐

## 第 1 週
- [ ] 開通 Amazon 賣家平台的使用者帳號，權限依職位設定（找 @[林志偉]）
- [ ] 跟 @[張雅婷] 走一趟桃園倉庫：見[[倉庫手冊]]
- [ ] 讀完自己部門空間的頁面和[[名詞解釋]]
- [ ] 跟 @[陳怡君] 值一次客服班

## 第 2 週
- [ ] 負責你的第一個週期性任務
- [ ] 修改一頁你讀得很吃力的知識庫頁面
- [ ] 和老闆聊 30 分鐘：哪裡還不清楚？

> [!NOTE]
> 海外助理和兼職夥伴不用跑倉庫，改成和所支援職位的同事開一次視訊會議。
"""

HOLIDAYS = """## 國定假日
我們依行政院人事行政總處公布的行事曆放假，包含補班日。平台不會放假，所以連假期間每天排一個人值班，處理顧客訊息和帳號健康狀況。

| 節日 | 大約日期 | 值班 |
|---|---|---|
| 農曆春節 | 1 月底或 2 月，約 9 天 | 12 月排班 |
| 228 和平紀念日、清明連假 | 2 月底、4 月初 | 排班 |
| 端午節、中秋節 | 6 月、9 月 | 排班 |
| 國慶日 | 10 月 10 日 | 排班 |

> [!WARNING]
> 大陸工廠在農曆年前後會停工 2 到 4 週。2、3 月要的貨，採購單一定要在 11 月中旬前下：見[[採購流程]]。

## 請假
1. 建立一個任務「請假：日期」，指派給老闆，至少提前兩週（只請一天提前一週）。
2. 把手上未完成的任務交給職位的代理人，並在任務裡註明。
3. 在信箱和 Keel 設定休假狀態。

特休依勞基法：到職滿半年 3 天、滿一年 7 天，之後逐年增加。
"""

MARKETPLACE_CALENDAR = """決定我們一年節奏的日子。大檔期的貨必須在活動前**六週**進 FBA 倉；見 [[FBA 入倉出貨]]。

| 檔期 | 平台 | 時間 | 我們通常怎麼做 |
|---|---|---|---|
| 農曆春節 | 全部（工廠放假） | 1–2 月 | 提早下單，不上新品 |
| 母親節 | 蝦皮、Shopify | 5 月 | 香料架組合送禮包裝 |
| Prime Day | Amazon 美國、日本 | 7 月 | 砧板做限時搶購 |
| 9.9 購物節 | 蝦皮 | 9 月 9 日 | 免運券加碼 |
| 雙 11 | 蝦皮 | 11 月 11 日 | 蝦皮最大檔期，客服加班 |
| 黑色星期五 | Amazon、Shopify | 11 月底 | 優惠券，Shopify 電子報 |
| 12.12 生日慶 | 蝦皮 | 12 月 12 日 | 出清慢銷品 |

- [ ] 5 月底前和 @[林志偉] 確認 Prime Day 活動
- [ ] 9 月中旬前訂好 11 月的艙位（@[張雅婷]）
"""

GLOSSARY = """到職第一週就會聽到的詞。

| 名詞 | 意思 |
|---|---|
| ASIN | Amazon 的商品編號，每個站點、每項商品一個 |
| SKU | 我們自己的庫存編號，例如大尺寸竹砧板是 `KB-BAM-L` |
| FBA | Amazon 物流：由 Amazon 幫我們倉儲和配送 |
| FBM | 賣家自行出貨，從我們自己的倉庫寄 |
| 3PL | 第三方海外倉，幫我們倉儲和出貨 |
| ACoS | 廣告銷售成本比：廣告花費 ÷ 廣告銷售額 |
| PPC | 按點擊付費的廣告（商品推廣、品牌推廣） |
| A+ 內容 | 五點描述下方的圖文說明 |
| ODR | 訂單瑕疵率，必須低於 1%（見[[帳號健康狀況]]） |
| PO | 給供應商的採購單 |
| MOQ | 最低訂購量 |
| HS Code | 商品的海關稅則號別（見 [[報關與 HS Code]]） |
| 蝦皮店到店 | 蝦皮的超商取貨物流 |
| 統一發票 | 台灣的營業發票，蝦皮和官網訂單都要開電子發票 |
"""

# --- 營運／物流 --------------------------------------------------------------------------------

WAREHOUSE_V1 = """倉庫在桃園蘆竹。A–D 是貨架，包裝桌在門口。"""

WAREHOUSE = """我們在桃園蘆竹的倉庫：約 36 坪，大概 1,800 箱貨。存放蝦皮和 Shopify 訂單的庫存，以及補 FBA 用的備貨。

![倉庫平面圖：鐵捲門旁是進貨區，A–F 貨架，包裝桌，退貨區]({{image:warehouse-layout.png}})

## 分區
| 區 | 放什麼 | 規則 |
|---|---|---|
| R | 進貨區 | 沒點收完的貨不准離開 R 區 |
| A–D | 快銷品（砧板、香料架、收納盒） | 先進先出 |
| E–F | 慢銷品和包材 | 每季檢討一次 |
| P | 包裝桌 | 每天下班前清乾淨 |
| X | 退貨與瑕疵品 | 見[[退貨處理]] |

## 每天的安排
- 09:00 列印蝦皮和 Shopify 訂單；16:00 前出完貨（黑貓 16:30 到倉收件）。
- 14:00 確認當天到貨：[[進貨點收]]。
- 週五：盤點一個區，結果輸入 ERP。

怎麼包裝見[[國內訂單包裝]]。有問題找 @[張雅婷]。
"""

RECEIVING = """每一批到貨都要先點收檢查再上架。事後才發現數量不對，代價是現在的十倍。

1. 對照 ERP 裡的採購單核對送貨單（採購單號、SKU、箱數）。
2. 簽收前先點箱數。有破損就寫在物流商的單據上，並拍照。
3. 每 10 箱開 1 箱（至少 2 箱），依[[供應商驗貨]]清單檢查。
4. 當天把實收數量輸入 ERP，貨放到 A–F 區。

- [ ] 送貨單和採購單一致
- [ ] 箱數已點、已拍照
- [ ] 抽驗箱已開箱檢查
- [ ] ERP 已更新

> [!WARNING]
> 抽驗不良率超過 2%，就停：這批貨不上架。當天附照片告訴 @[王淑芬]，才能在付尾款前向供應商求償。
"""

PACKING = """蝦皮和 Shopify 訂單怎麼包裝。先把影片看一遍，封箱和易碎品的包法都在裡面。

![包裝教學影片]({{video:packing-tutorial.webm}})

## 用什麼箱子
| 商品 | 紙箱 | 填充 |
|---|---|---|
| 砧板 | B3 扁箱 | 不用；大尺寸砧板加護角 |
| 香料架 | B5 | 紙填充，玻璃瓶個別包 |
| 刀座 | B5 | 刀槽套紙板，貼「易碎」貼紙 |
| 抽屜收納盒 | B4 | 不用 |

## 步驟
1. 掃描訂單，託運單會和箱型一起印出來。
2. 對照揀貨單核對 SKU 和數量。
3. 裝箱，放感謝卡（蝦皮放中文的，Shopify 海外訂單放英文的）。
4. 工字型封箱；託運單貼在上面，不要貼在接縫上。
5. 掃描託運單，把訂單標記為已出貨。

蝦皮店到店的訂單改貼蝦皮的寄件標籤，下午送到門市；Shopify 顧客會收到電子郵件通知。
"""

RETURNS = """退回來的包裹從門口到貨架或報廢，整個流程都在這裡。對顧客的規則見[[退款與退貨政策]]。

1. 在 ERP 依訂單編號登記退貨，幫商品拍照。
2. 分級：
   - **A 級**：未拆封或全新 → 回庫存。
   - **B 級**：拆過、能用、包裝壞了 → 重新包裝，只在蝦皮當「福利品」賣。
   - **C 級**：損壞或用過 → 放 X 區；每月一次退給供應商求償或回收。
3. 當天把分級結果告訴 @[陳怡君]，她才能核准退款。

> [!NOTE]
> FBA 的退貨由 Amazon 分級。每月請 Amazon 把「不可售」庫存退回一次（寄到美國海外倉）；移除訂單的步驟見 [[FBA 入倉出貨]]。
"""

FBA_V1 = """1. 在後台建立貨件。
2. 列印標籤。
3. 約貨車。"""

FBA = """我們怎麼把貨送進 Amazon 倉庫。貨從寧波、義烏直接出口到美國和日本，不經過台灣。負責人：物流專員職位。海運抓六週，空運抓兩週。

## 步驟
1. 依補貨表算數量（見[[安全庫存與補貨點]]）。
2. 在賣家平台 → 送至 Amazon，建立貨件計畫；Amazon 分倉如果每件多花不到 0.30 美元，就接受。
3. 每件商品貼 FNSKU 標籤，每箱貼箱嘜：[[箱嘜與外箱標籤]]。
4. 訂承攬業者（見[[物流商與承攬業者]]），把貨件編號寄給他們。
5. 提貨後 24 小時內把追蹤編號填進後台。

## 外箱
單箱超過 23 kg 或任一邊超過 63.5 cm，Amazon 會拒收。每個貨件的箱數：

```
=ROUNDUP(數量 / 每箱數量, 0)
=IF(單箱重量 > 22.5, "需要拆箱", "OK")
```

## 移除訂單
不可售的退貨：庫存 → 亞馬遜物流 → 移除訂單，寄到美國的 ShipRight 海外倉。每月第一個週一處理。
"""

LABELS = """寄往 Amazon 的每一箱都要貼兩張標籤：Amazon 的箱標（含 FBA 貨件編號），以及給承攬業者看的我們自己的箱嘜。

箱嘜格式：

```
DEMO SHOP / TAIPEI
PO: 2024-118      CTN: 12 / 40
SKU: KB-BAM-L     QTY: 24 PCS
G.W.: 21.4 KG     MEAS: 60 x 40 x 35 CM
MADE IN CHINA
```

- 標籤貼在相鄰的兩個側面，不要貼在接縫上。
- 箱嘜由供應商列印；FNSKU 標籤我們隨採購單以 PDF 檔寄給工廠。
"""

CARRIERS = """誰在幫我們運貨。聯絡人和帳號在聯絡人目錄裡（搜尋「物流」）。

| 物流商 | 用途 | 誰來訂 | 備註 |
|---|---|---|---|
| 黑貓宅急便 | 蝦皮宅配和 Shopify 台灣訂單 | 倉儲 | 每天 16:30 到倉收件 |
| 蝦皮店到店 | 蝦皮超商取貨訂單 | 倉儲 | 下午送到附近門市 |
| 順豐 | 大陸工廠寄樣品來台灣 | 採購 | 工廠付運費的用到付 |
| 菜鳥 | 淘寶、1688 小量包材集運 | 採購 | 約 7 天到桃園 |
| DHL | 海外寄樣、收樣，FBA 緊急補貨 | 物流 | 帳號在老闆名下 |
| UPS | 100 kg 以下空運到美國 FBA | 物流 | 45 kg 以上比 DHL 便宜 |
| 海聯物流（承攬業者） | 從寧波海運 DDP 到美國、日本 FBA | 物流 | 週三前報價，趕下週船期 |

詢價用[[海運報價詢問]]範本。保險：貨值的 0.3%，海運一律投保。
"""

CUSTOMS = """我們使用的 HS Code，以及以前繳過學費的規則。每項新品都請報關行確認稅則號別，絕不用猜的。

| 商品 | HS Code（美國） | 關稅（美國） | 備註 |
|---|---|---|---|
| 竹砧板 | 4419.11.0000 | 3.2% + 301 條款關稅 | 申報為竹製品，不是木製品 |
| 香料架（竹製，附玻璃瓶） | 4419.90.9000 | 3.2% | 玻璃瓶以組合申報 |
| 矽膠保鮮蓋 | 3924.10.4000 | 3.4% | 需要 FDA 食品接觸證明 |
| 刀座（不含刀） | 4420.90.8000 | 3.2% | |

> [!WARNING]
> 商業發票上一定要寫實際成交價。2022 年因為發票低報，貨在美國海關被扣，罰了 1,200 美元。

## 每批貨的文件
- 商業發票和裝箱單（供應商提供，@[王淑芬] 核對）
- 提單（承攬業者提供）
- 矽膠保鮮蓋：FDA 和 LFGB 檢驗報告

進口到台灣的包材和樣品走桃園的報關行。稅則問題找聯絡人目錄裡的報關行（標籤「報關」）。
"""

SPACES: list[dict[str, Any]] = [
    {
        "slug": "company",
        "name": "公司",
        "description": "我們是誰、怎麼工作，新人從這裡開始。",
        "department": None,
        "visibility": "workspace",
        "pages": [
            _p("welcome", "歡迎來到示範商店", OWNER, WELCOME,
               _p("our-story", "我們的故事", OWNER, OUR_STORY, review_days=365, revisions=[
                   {"author": OWNER, "summary": "初稿", "body": OUR_STORY_V1},
                   {"author": CHANG, "summary": "補上早期的經歷", "body": OUR_STORY_V2},
               ]),
               _p("team-handbook", "團隊手冊", OWNER, HANDBOOK,
                  _p("onboarding-checklist", "新人到職清單", "seat:創辦人", ONBOARDING, review_days=180, revisions=[
                      {"author": OWNER, "summary": "先列個開頭", "body": ONBOARDING_V1},
                  ]),
                  _p("holidays-and-time-off", "假期與請假", OWNER, HOLIDAYS, review_days=365),
                  review_days=180),
               _p("marketplace-calendar", "平台檔期行事曆", "seat:業務主管", MARKETPLACE_CALENDAR, review_days=90),
               _p("glossary", "名詞解釋", CHEN, GLOSSARY)),
        ],
    },
    {
        "slug": "operations",
        "name": "營運／物流",
        "description": "倉庫、FBA 出貨、物流商和報關。",
        "department": "operations",
        "visibility": "workspace",
        "pages": [
            _p("warehouse-handbook", "倉庫手冊", "seat:倉儲主管", WAREHOUSE,
               _p("receiving-deliveries", "進貨點收", CHANG, RECEIVING, review_days=180),
               _p("packing-domestic-orders", "國內訂單包裝", CHANG, PACKING),
               _p("processing-returns", "退貨處理", "seat:倉儲主管", RETURNS),
               review_days=90, revisions=[
                   {"author": CHANG, "summary": "倉庫基本資料", "body": WAREHOUSE_V1},
               ]),
            _p("fba-inbound-shipments", "FBA 入倉出貨", "seat:物流專員", FBA,
               _p("carton-labels-and-shipping-marks", "箱嘜與外箱標籤", CHANG, LABELS),
               review_days=90, revisions=[
                   {"author": OWNER, "summary": "隨手記的步驟", "body": FBA_V1},
               ]),
            _p("carriers-and-freight-forwarders", "物流商與承攬業者", "seat:物流專員", CARRIERS),
            _p("customs-and-hs-codes", "報關與 HS Code", "seat:物流專員", CUSTOMS, review_days=90, review_overdue=True),
        ],
    },
    {
        "slug": "purchasing",
        "name": "採購",
        "description": "供應商、採購單、補貨點和驗貨。",
        "department": "purchasing",
        "visibility": "workspace",
        "pages": [
            _p("purchasing-process", "採購流程", "seat:採購主管", PURCHASING,
               _p("reorder-points-and-safety-stock", "安全庫存與補貨點", WANG, REORDER, review_days=90, revisions=[
                   {"author": OWNER, "summary": "經驗法則", "body": REORDER_V1},
                   {"author": WANG, "summary": "依系列寫交期", "body": REORDER_V2},
                   {"author": CHANG, "summary": "漏了運輸天數", "body": REORDER_V2 + "\n\n還要加上海運：到美國 FBA 30 天。"},
               ]),
               _p("supplier-quality-checks", "供應商驗貨", WANG, QC, review_days=180),
               _p("payment-terms-and-deposits", "付款條件與訂金", "seat:記帳", PAYMENT)),
            _p("supplier-list", "供應商名單", WANG, SUPPLIER_LIST,
               {"slug": "freight-quote-request", "title": "海運報價詢問", "kind": "template", "owner": "seat:物流專員",
                "subject": FREIGHT_QUOTE_HANT["subject"], "body": FREIGHT_QUOTE_HANT["body"], "variables": list(FREIGHT_VARIABLES),
                "variants": {"en": dict(FREIGHT_QUOTE_EN), "zh-hant": dict(FREIGHT_QUOTE_HANT)}, "children": []}),
        ],
    },
    {
        "slug": "marketing",
        "name": "行銷與商品頁",
        "description": "商品頁、關鍵字、照片、廣告和蝦皮賣場。",
        "department": "marketing",
        "visibility": "workspace",
        "pages": [
            _p("listing-guidelines", "商品頁規範", "seat:商品頁助理", LISTINGS,
               _p("amazon-titles-and-bullets", "Amazon titles and bullets", ANA, TITLES, review_days=90, revisions=[
                   {"author": OWNER, "summary": "Basic rules", "body": TITLES_V1},
                   {"author": ANA, "summary": "Bullets and search terms", "body": TITLES_V1 + "\n\nBullets start with a benefit in capitals. Backend search terms under 249 bytes."},
               ]),
               _p("keyword-research", "關鍵字研究", "seat:商品頁助理", KEYWORDS),
               _p("product-photography-brief", "商品攝影需求", CHEN, PHOTO_BRIEF)),
            _p("ppc-advertising-playbook", "PPC 廣告手冊", "seat:行銷主管", PPC, review_days=90),
            _p("shopee-store-operations", "蝦皮賣場經營", OWNER, SHOPEE),
        ],
    },
    {
        "slug": "customer-service",
        "name": "客服",
        "description": "退款、常用回覆、評價和帳號健康狀況。",
        "department": "service",
        "visibility": "workspace",
        "pages": [
            _p("customer-service-basics", "客服基本守則", "seat:客服專員", CS_BASICS,
               _p("refunds-and-returns-policy", "退款與退貨政策", CHEN, REFUNDS, review_days=180, revisions=[
                   {"author": OWNER, "summary": "第一版", "body": REFUNDS_V1},
                   {"author": CHEN, "summary": "依平台分開寫", "body": REFUNDS_V2},
               ]),
               _p("reply-macros", "常用回覆", CHEN, MACROS, review_days=90, review_overdue=True),
               _p("handling-negative-reviews", "負評處理", CHEN, NEGATIVE_REVIEWS),
               {"slug": "damaged-item-reply", "title": "商品破損回覆", "kind": "template", "owner": CHEN,
                "subject": DAMAGED_HANT["subject"], "body": DAMAGED_HANT["body"], "variables": list(DAMAGED_VARIABLES),
                "variants": {"en": dict(DAMAGED_EN), "zh-hant": dict(DAMAGED_HANT)}, "children": []}),
            _p("account-health", "帳號健康狀況", "seat:客服專員", ACCOUNT_HEALTH, review_days=90),
        ],
    },
    {
        "slug": "management",
        "name": "經營管理",
        "description": "財務、徵才和議價。僅限老闆檢視。",
        "department": "management",
        "visibility": "private",
        "pages": [
            _p("month-end-close", "月結檢查清單", "seat:記帳", MONTH_END, review_days=365),
            _p("hiring-plan-operations-manager", "徵才計畫：營運經理", OWNER, HIRING),
            _p("supplier-price-negotiations", "供應商年度議價", OWNER, NEGOTIATION),
        ],
    },
]  # fmt: skip

# (company, name, role, email, phone, tags, notes, department key)
_CONTACT_ROWS = [
    ("寧波廚具有限公司", "陳建國", "業務經理", "chen.jg@nbkitchen.example.cn", "+86 574 5550 1201", ["供應商", "竹製品", "砧板"], "2019 年起的砧板主要供應商。微信最快；信件一天內回覆。付款 30/70。", "purchasing"),
    ("寧波廚具有限公司", "徐磊", "品管主管", "qc@nbkitchen.example.cn", "+86 574 5550 1230", ["供應商", "驗貨"], "出貨前提供驗貨照片和含水率讀數。", "purchasing"),
    ("義烏居家用品貿易有限公司", "周麗", "業務窗口", "zhouli@yiwuhome.example.cn", "+86 579 5550 8832", ["供應商", "香料架", "收納"], "非常可靠。農曆年放假 3 週。", "purchasing"),
    ("深圳明亮矽膠製品有限公司", "黃志強", "業務總監", "huang@brightsilicone.example.cn", "+86 755 5550 3307", ["工廠", "矽膠", "保鮮蓋"], "2023 年開始合作。每批都要對照標準樣檢查色差。付款 50/50。", "purchasing"),
    ("深圳明亮矽膠製品有限公司", "劉洋", "工程師", "liu.yang@brightsilicone.example.cn", "+86 755 5550 3321", ["工廠", "模具"], "負責模具和 FDA／LFGB 檢驗報告。", "purchasing"),
    ("陽江刀具廠", "莫建華", "老闆", "mo@yjblade.example.cn", "+86 662 5550 7710", ["工廠", "刀座"], "刀座和磁吸刀架。MOQ 300。", "purchasing"),
    ("安吉竹業有限公司", "吳海燕", "外銷業務", "wuhy@anjibamboo.example.cn", "+86 572 5550 4419", ["供應商", "竹製品", "第二貨源"], "砧板第二貨源，2024 年樣品已核可。", "purchasing"),
    ("新北彩印包裝股份有限公司", "譚偉", "專案經理", "tanwei@ntcprint.example.com", "+886 2 5550 2266", ["供應商", "包裝"], "彩盒和感謝卡。打樣 3 天，可送貨到桃園倉。", "purchasing"),
    ("Amazon（美國站）", "Jennifer Park", "策略客戶經理", "jpark@amazon-sam.example.com", "+1 206 555 0147", ["平台", "Amazon", "客戶經理"], "每月第一個週二通話。申訴卡住時能幫忙升級，但不能決定結果。", "sales"),
    ("Amazon（日本站）", "佐藤健", "客戶經理", "ksato@amazon-jp.example.com", "+81 3 5550 1874", ["平台", "Amazon", "日本"], "日本站的類目審核和 JCT 消費稅問題可以問他。", "sales"),
    ("蝦皮購物（商城招商）", "許家豪", "商城窗口", "hsu.jh@shopee-partner.example.com", "+886 2 5550 6618", ["平台", "蝦皮", "檔期"], "9.9、雙 11、12.12 檔期報名找他。先用賣家中心的訊息聯絡。", "marketing"),
    ("Shopify Plus", "客服", "商家支援", "support@shopify-merchant.example.com", "", ["平台", "Shopify"], "後台線上客服比寄信快。", "marketing"),
    ("DHL 台灣", "趙鵬", "客戶經理", "zhao.peng@dhl-tw.example.com", "+886 3 5550 9001", ["物流", "快遞", "寄樣"], "帳號 95xxxx。寄樣和 FBA 緊急補貨。15:00 前預約收件。", "operations"),
    ("UPS 台灣", "李嘉欣", "客戶經理", "klee@ups-tw.example.com", "+886 2 5550 9120", ["物流", "空運"], "100 kg 以下空運到美國 FBA；45 kg 以上比 DHL 便宜。", "operations"),
    ("黑貓宅急便（統一速達）", "吳俊傑", "業務專員", "wu.jj@tcat.example.com", "+886 3 5550 9555", ["物流", "國內宅配"], "每天 16:30 到桃園倉收件。月結。", "operations"),
    ("順豐速運", "李強", "大客戶經理", "liqiang@sf-express.example.cn", "+86 755 5550 9555", ["物流", "寄樣", "兩岸"], "大陸工廠寄樣品到台灣，約 3 天。", "purchasing"),
    ("菜鳥集運", "孫宇", "跨境客戶經理", "sunyu@cainiao.example.cn", "+86 571 5550 8800", ["物流", "集運"], "淘寶、1688 小量包材集運到桃園。", "purchasing"),
    ("海聯物流（寧波）", "何慧雯", "業務", "vivian@oceanlink.example.com", "+86 574 5550 4433", ["承攬業者", "海運", "FBA"], "從寧波海運 DDP 到美國、日本 FBA。週三前報價，趕下週船期。", "operations"),
    ("ShipRight Fulfillment（紐澤西）", "Mike Russo", "客戶經理", "mrusso@shipright3pl.example.com", "+1 732 555 0182", ["3PL", "海外倉", "美國"], "美國海外倉，出 Shopify 美國訂單、做 FBA 前置作業，也收 FBA 移除的退貨。每月 5 日出帳單。", "operations"),
    ("Pacific Customs Brokers（洛杉磯）", "Daniel Ortiz", "持照報關人", "dortiz@pacificbrokers.example.com", "+1 310 555 0166", ["報關", "清關", "HS Code"], "新品的 HS Code 由他確認；每批海運都做 ISF 申報。", "operations"),
    ("桃園報關行", "方慧", "報關員", "fanghui@tycustoms.example.com", "+886 3 5550 6120", ["報關", "進口"], "包材和樣品進口台灣的報關。", "operations"),
    ("安和記帳士事務所", "黃嘉慧", "記帳士", "grace@anhe-tax.example.com", "+886 2 5550 2288", ["記帳士", "稅務", "營業稅"], "每月 10 日前收月結資料。負責營業稅申報和電子發票對帳。", "finance"),
    ("富安產物保險", "程波", "保險經紀人", "chengbo@fuan-insurance.example.com", "+886 2 5550 7788", ["保險", "貨運"], "費率為貨值 0.3%；收貨後 30 天內報案理賠。", "operations"),
    ("北岸影像工作室", "林艾瑪", "商品攝影師", "emma@studionorth.example.com", "+886 2 5550 6060", ["攝影", "影片", "行銷"], "半天新台幣 15,000 元，攝影棚在內湖。請提前兩週預約。", "marketing"),
    ("Lumen IP Law", "Robert Hale", "商標律師", "rhale@lumenip.example.com", "+1 415 555 0139", ["法務", "商標"], "美國和歐盟商標註冊。", "management"),
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
