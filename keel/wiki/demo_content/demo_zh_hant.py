# ruff: noqa: E501 - prose reads best one paragraph per line
"""示範商店's living wiki (zh-hant): the English demo's wiki as a Taipei team writes it (Taiwan
vocabulary, NT$, a Taoyuan warehouse, Shopee instead of Tmall as the zh-hant demo's goals
say), with the same spaces, slugs and shape (see demo_en.py; its Shopee page is
"shopee-store-operations").
"""

from __future__ import annotations

from typing import Any

from keel.wiki.demo_content.demo_en import (
    DAMAGED_EN,
    DAMAGED_VARIABLES,
    FREIGHT_QUOTE_EN,
    FREIGHT_VARIABLES,
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

# --- 採購 ------------------------------------------------------------------------------------

PURCHASING = """從補貨到付款，我們怎麼採購。負責人：採購主管職位。

1. 補貨表標出低於補貨點的 SKU：[[安全庫存與補貨點]]。
2. 向供應商詢價和交期；新品先打樣。
3. 在 ERP 建立採購單；超過新台幣 20 萬元的採購單要 @[林志偉] 核准。
4. 付訂金（[[付款條件與訂金]]）。
5. 出貨前驗貨：[[供應商驗貨]]。
6. 驗貨報告通過後再付尾款。
7. 訂艙並追蹤貨物：見 [[FBA 入倉出貨]]。

供應商超過承諾交期，隔天就寄「供應商催貨」信；只在微信上催不夠，要留下書面紀錄。

> [!NOTE]
> 大陸工廠農曆年前後停工 2 到 4 週。2、3 月的採購單在 11 月中旬前下。
"""

REORDER_V1 = """庫存不夠賣 30 天就補貨。"""

REORDER_V2 = """補貨點 = 每日平均銷量 × 交期天數。

交期：砧板 35 天，香料架 45 天。"""

REORDER = """什麼時候補貨、補多少。共用雲端硬碟裡的「2025 補貨表」會自動計算；這一頁說明公式。

## 公式
```
每日平均銷量 = 最近 28 天銷量 / 28
安全庫存     = 每日平均銷量 × 14
補貨點       = 每日平均銷量 × (生產天數 + 運輸天數) + 安全庫存
採購數量     = MAX(MOQ, 每日平均銷量 × 60)
```

試算表的寫法（第 2 列是第一個 SKU）：

```
=ROUNDUP(C2/28*(D2+E2) + C2/28*14, 0)
```

## 交期
| SKU 系列 | 供應商 | 生產 | 海運到美國 FBA |
|---|---|---|---|
| 竹砧板（KB-BAM-*） | 寧波廚具 | 25 天 | 30 天 |
| 香料架（SR-*） | 義烏居家用品 | 30 天 | 30 天 |
| 矽膠保鮮蓋（SL-*） | 深圳明亮矽膠 | 20 天 | 30 天 |
| 刀座（KN-*） | 陽江刀具廠 | 35 天 | 30 天 |

旺季（見[[平台檔期行事曆]]）從 9 月起安全庫存加倍。

香料架缺貨後改過一次：@[張雅婷] 補上了運輸天數，@[王淑芬] 每週一核對補貨表。
"""

QC = """付尾款前要檢查的項目。新台幣 15 萬元以上的訂單請第三方驗貨公司到工廠；小訂單請供應商提供檢驗照片和影片。

## 檢查清單
- [ ] 數量和箱數與採購單一致
- [ ] 箱嘜和 FNSKU 標籤正確（[[箱嘜與外箱標籤]]）
- [ ] 尺寸與核可樣品相差不超過 ±2 mm
- [ ] 竹製品：無裂痕，含水率低於 12%（拍水分計讀數）
- [ ] 矽膠：無異味，顏色與標準樣一致
- [ ] 摔落測試：整箱從 76 cm 高度以邊、角各摔一次，無損壞
- [ ] 彩盒印刷：條碼掃得到，沒有錯字

## 抽樣
主要缺點 AQL 2.5，次要缺點 AQL 4.0（一般檢驗水準 II）。500 件抽 50 件。

> [!WARNING]
> 驗貨報告沒經過 @[王淑芬] 確認，絕不付尾款。錢一付出去，我們就沒有籌碼了。
"""

PAYMENT = """| 供應商 | 付款條件 | 訂金 | 付款方式 |
|---|---|---|---|
| 寧波廚具 | 30/70 | 下單付 30% | 電匯（美元） |
| 義烏居家用品 | 30/70 | 下單付 30% | 電匯（美元） |
| 深圳明亮矽膠 | 50/50 | 下單付 50% | 電匯（美元） |
| 陽江刀具廠 | 30/70 | 下單付 30% | 電匯（美元） |

- 由記帳職位付款；採購建立一個任務申請付款，附上採購單和驗貨報告。
- 驗貨報告通過後才付尾款：見[[供應商驗貨]]。
- 電匯手續費和匯差記在「進口成本」。

> [!WARNING]
> 供應商來信說更換收款帳戶，在用通訊錄裡的電話確認之前，一律當作詐騙處理。
"""

SUPPLIER_LIST = """目前合作的供應商。電話和信箱在聯絡人目錄裡；這一頁寫每家擅長什麼。

| 供應商 | 城市 | 商品 | 合作起始 | 評價 |
|---|---|---|---|---|
| 寧波廚具有限公司 | 寧波 | 竹砧板 | 2019 年 | ★★★★ 品質好，常延遲交貨 |
| 義烏居家用品貿易 | 義烏 | 香料架、收納盒 | 2020 年 | ★★★★★ |
| 深圳明亮矽膠製品 | 深圳 | 矽膠保鮮蓋 | 2023 年 | ★★★ 新供應商，注意色差 |
| 陽江刀具廠 | 陽江 | 刀座、磁吸刀架 | 2022 年 | ★★★★ |
| 安吉竹業 | 安吉 | 砧板第二貨源（打樣中） | 2024 年 | — |
| 新北彩印包裝 | 新北 | 彩盒、感謝卡 | 2021 年 | ★★★★ |

銷售前十名的每項商品都要有第二個貨源：原因見[[我們的故事]]。
"""

# --- 行銷與商品頁 -----------------------------------------------------------------------------

LISTINGS = """我們在 Amazon、Shopify 和蝦皮上怎麼撰寫、維護商品頁。負責人：商品頁助理職位。

- [[Amazon titles and bullets]]：Amazon 強制的規則，加上我們自己的規定（Ana 用英文維護）。
- [[關鍵字研究]]：每季、依商品系列進行。
- [[商品攝影需求]]：攝影師要交付什麼。
- [[蝦皮賣場經營]]：蝦皮有自己的節奏。

## 每次修改
1. 先在 Keel 的 AMZ 專案起草，不要直接改後台。
2. 第二個人審核（老闆或 @[Ana Reyes]）。
3. 發布後一小時內檢查線上頁面：商品頁被下架當天就要修好。
"""

TITLES_V1 = """Title: brand + product + size. Max 200 characters. Five bullets."""

TITLES = """## Titles
- Brand, product, key feature, size/count, colour: `Demo Shop Bamboo Cutting Board Large, 45 x 30 cm, Juice Groove, Natural`
- At most 125 characters (Amazon allows 200 but cuts it on mobile). For amazon.co.jp, keep the Japanese title under 65 full-width characters.
- No promotional words ("best", "sale"), no ALL CAPS, no symbols like ! or ★.

## Bullets
- Five bullets, each starting with a short benefit in capitals: `JUICE GROOVE KEEPS THE COUNTER CLEAN – ...`
- Answer the top three customer questions (see the questions tab on the listing).
- Dimensions and care instructions always in bullets 4 and 5.

## Backend search terms
Under 249 bytes, no competitors' brand names, no words already in the title.

> [!WARNING]
> Claims like "antibacterial" or "BPA-free" need a test report on file. A listing was suppressed in 2022 for "antibacterial": see [[帳號健康狀況]].

中文摘要：標題不超過 125 個字元，不寫促銷字眼；五點描述開頭用大寫寫賣點；「抗菌」「不含 BPA」這類宣稱一定要有檢驗報告。有疑問在留言裡 @[林志偉]。
"""

KEYWORDS = """每季、依商品系列做一次，在 AMZ 專案建立任務。

1. 匯出搜尋字詞報告（廣告 → 報告 → 搜尋字詞，最近 60 天）。
2. 加上品牌分析中我們 ASIN 的熱門搜尋字詞。
3. 保留至少 3 筆訂單或轉換率高於 10% 的字詞。
4. 最好的字詞放標題，其次放五點描述，其餘放後台搜尋字詞（[[Amazon titles and bullets]]）。
5. 有轉換的字詞加進廣告的完全比對（[[PPC 廣告手冊]]）。

上一季砧板的熱門字詞：

| 搜尋字詞 | 訂單 | 轉換率 |
|---|---|---|
| bamboo cutting board | 412 | 14.2% |
| cutting board with juice groove | 188 | 16.8% |
| large cutting board for kitchen | 121 | 11.0% |
| wood cutting board set | 64 | 7.9% |

蝦皮的關鍵字看賣家中心的「行銷活動 → 關鍵字廣告」報表，方法相同。
"""

PHOTO_BRIEF = """每次拍攝要交付的東西。預約任務在 MKT 專案裡。

## 每項商品
| 鏡頭 | 規格 | 用在哪裡 |
|---|---|---|
| 主圖 | 純白背景（#FFFFFF），商品佔畫面 85%，2000 × 2000 px | Amazon 主圖、蝦皮封面 |
| 情境照 ×3 | 真實廚房、自然光，其中一張有手入鏡 | Amazon 第 2–4 張、Shopify |
| 尺寸圖 | 商品旁放尺或手當比例參考 | Amazon 第 5 張 |
| 細節照 ×2 | 導流槽、接合處、紋理 | A+ 內容 |
| 30 秒影片 | 開箱與使用 | Amazon 影片、蝦皮商品影片 |

- [ ] 提前一週和 @[陳怡君] 確認拍攝清單
- [ ] 樣品從庫存拿，擦乾淨，撕掉標籤
- [ ] 原始檔和修圖檔放共用雲端硬碟，每個 SKU 一個資料夾

攝影師和攝影棚在聯絡人目錄裡（標籤「攝影」）。
"""

PPC = """我們怎麼投放 Amazon 廣告。預算和目標由行銷主管職位決定；職位找到人之前由老闆決定。

## 每個商品系列的廣告架構
- **自動廣告**：低出價，用來挖掘字詞。
- **手動完全比對**：[[關鍵字研究]]中有 3 筆以上訂單的字詞。
- **商品投放**：評分比我們低的競品 ASIN。
- **品牌推廣**：品牌旗艦店，只給有 3 項以上商品的系列。

## 目標
| 商品階段 | 目標 ACoS | 連續兩週超標怎麼辦 |
|---|---|---|
| 新品期（0–8 週） | 45% 以內 | 維持，看轉換率 |
| 成長期 | 30% | 出價降 10% |
| 成熟期 | 20% | 降出價，加否定字詞 |

## 每週二
- [ ] 點擊 15 次以上沒有訂單的字詞，加入否定
- [ ] 自動廣告中有轉換的字詞，移到手動完全比對
- [ ] 檢查預算有沒有在美國時間 18:00 前花完

```
ACoS = 廣告花費 / 廣告銷售額
TACoS = 廣告花費 / 總銷售額
```
"""

SHOPEE = """蝦皮賣場和 Amazon 的玩法不一樣：檔期多、聊聊要回得快，出貨時效直接影響賣場評分。

## 每天
- 聊聊在 09:00–22:00 內 1 小時內回覆（回覆率低於 80% 會失去優選賣家資格）。
- 在賣家中心檢查超過 2 個工作天未出貨的訂單：延遲出貨會被計點。

## 檔期
| 檔期 | 報名時間 | 最低折扣 |
|---|---|---|
| 9.9 購物節 | 8 月中 | 9 折 + 免運 |
| 雙 11 | 10 月初 | 85 折 + 賣場優惠券 |
| 12.12 生日慶 | 11 月中 | 9 折 |

- 檔期透過蝦皮商城窗口報名；聯絡方式在聯絡人目錄裡（標籤「蝦皮」）。
- 活動價必須是近 30 天的最低價，否則蝦皮會把商品從活動移除。
- 每筆訂單都要開立電子發票，發票設定在賣家中心 →「發票管理」。

蝦皮退貨依七天鑑賞期處理；見[[退款與退貨政策]]。
"""

# --- 客服 ------------------------------------------------------------------------------------

CS_BASICS = """每位顧客都在 24 小時內得到回覆，用顧客的語言，在顧客下單的平台上回覆。負責人：客服專員職位。

## 訊息從哪裡來
| 管道 | 什麼時候看 | 工具 |
|---|---|---|
| Amazon 買家訊息 | 09:00、13:00、17:00 | 賣家平台 |
| 蝦皮聊聊 | 整天 | 賣家中心 |
| Shopify 信件 | 09:00、15:00 | help@ 信箱 |

## 每天都會用到的頁面
- [[退款與退貨政策]]
- [[常用回覆]]
- [[負評處理]]
- [[帳號健康狀況]]

只要是品質問題，都附照片轉給 @[王淑芬]，採購才能向供應商求償。
"""

REFUNDS_V1 = """30 天內可退款，退貨運費由顧客負擔。"""

REFUNDS_V2 = """## Amazon
收到貨後 30 天內可退款，退貨標籤由 Amazon 提供。

## 蝦皮
七天鑑賞期。

## Shopify
30 天，退貨運費由顧客負擔。"""

REFUNDS = """顧客可以期待什麼，依平台分開寫。倉庫端的流程見[[退貨處理]]。

| | Amazon | 蝦皮 | Shopify |
|---|---|---|---|
| 退貨期限 | 收貨後 30 天（11–12 月的訂單延長到 1 月 31 日） | 七天鑑賞期 | 30 天 |
| 退貨運費 | 瑕疵品免費；其他依 Amazon 規定 | 蝦皮退貨退款流程，瑕疵品由我們負擔 | 瑕疵品免費，其他由顧客負擔 |
| 退款時間 | Amazon 掃描退貨時 | 倉庫確認收到退貨後，由蝦皮退款 | 收到退貨後 2 個工作天內 |

## 只退款不退貨
售價低於 15 美元（或新台幣 450 元）的商品到貨破損，直接退款、不用寄回；請顧客拍照，讓採購向供應商求償。

## 部分退款
外觀小瑕疵、顧客願意留下的，退 20%。超過 20% 要問 @[林志偉]。

> [!WARNING]
> 絕不能用退款交換顧客刪除或修改評價。這違反 Amazon 的規定，可能導致帳號停權（見[[帳號健康狀況]]）。

蝦皮和官網的退款要同時開立銷貨折讓單（作廢或折讓電子發票），月底交給記帳。確認退款請用「顧客退款」信件範本，留下書面紀錄。
"""

MACROS = """每天都會被問到的問題的現成回覆。複製之後改得像真人在說話：寫上顧客的名字，提到具體商品。

## 我的包裹到哪了？
> {name} 你好，謝謝你的訊息。你的訂單 {order} 已於 {date} 透過 {carrier} 寄出，追蹤編號 {tracking}，一般 {days} 天內送達。我會幫你留意，物流停住的話會再聯絡你。

## 砧板裂開了
> {name} 你好，砧板裂開真的很抱歉。方便拍一張裂痕的照片嗎？補寄或退款都可以，由你決定；砧板不用寄回。

## 可以放洗碗機嗎？
> 竹砧板請用手洗，每個月上一次油；洗碗機會讓它裂開。矽膠保鮮蓋和香料瓶可以放洗碗機。

## 英文顧客（Amazon、Shopify）
> Hi {name}, thank you for your message. Your order {order} left our warehouse on {date} with {carrier}; the tracking number is {tracking}.

回覆時效和語氣見[[客服基本守則]]。
"""

NEGATIVE_REVIEWS = """三顆星以下的評價怎麼處理。目的是幫顧客解決問題、從中學習，不是去爭辯。

1. 24 小時內查訂單：是品質問題、誤會，還是物流問題？
2. Amazon：從評價點「聯絡買家」（品牌註冊功能），使用 Amazon 的標準範本；絕不能用任何好處交換修改評價。
3. 蝦皮：公開回覆評價，語氣平和，具體問題在聊聊裡解決。
4. 在「評價紀錄」試算表登記原因：瑕疵類型、SKU、批次。
5. 一個月內同一瑕疵出現三次 → 幫 @[王淑芬] 建立任務，請供應商改善。

> [!TIP]
> 公開回覆是寫給接下來一百位買家看的，不是寫給留負評的人。簡短、講事實、態度友善。
"""

ACCOUNT_HEALTH = """這些指標一下滑，Amazon 就可能停售商品甚至停權整個帳號。每天早上看一次帳號健康狀況頁面；客服專員職位負責，任何警告當天告訴老闆。

| 指標 | Amazon 的標準 | 我們的目標 |
|---|---|---|
| 訂單瑕疵率（ODR） | 低於 1% | 低於 0.3% |
| 延遲出貨率（自行配送） | 低於 4% | 0% |
| 出貨前取消率 | 低於 2.5% | 0% |
| 有效追蹤率 | 高於 95% | 100% |
| 違反政策 | 0 | 0 |

## 商品頁遭停售時
1. 讀通知：違反哪條政策、哪個 ASIN、Amazon 要什麼證據。
2. 先把原因改掉（商品頁文案、安全文件、發票）。
3. 用「平台申訴」範本寫行動計畫（POA）：根本原因、已採取的措施、預防措施。
4. 在帳號健康狀況 → 該則通知 → 申訴中送出。一次交完整；反覆申訴只會更慢。

> [!WARNING]
> 絕不能開第二個賣家帳號來繞過停權：Amazon 會關聯帳號，兩個一起關。

紀錄：2022 年因為五點描述寫了「antibacterial」遭停售，九天後恢復。之後新增的規定見 [[Amazon titles and bullets]]。
"""

# --- 經營管理（私人） -------------------------------------------------------------------------

MONTH_END = """老闆和記帳職位每月 10 日前完成月結。

- [ ] 下載 Amazon 結算報告（美國、日本）、蝦皮撥款明細和 Shopify Payments 報表
- [ ] 撥款和銀行入帳逐筆核對；記下使用的匯率
- [ ] 已付款的採購單都收到了供應商的商業發票
- [ ] ERP 的庫存金額、FBA 庫存報告
- [ ] 營業稅：每兩個月申報一次（單月 15 日前，由記帳士處理）
- [ ] 電子發票開立、作廢和折讓都已對帳
- [ ] 把資料寄給記帳士（聯絡人目錄，標籤「記帳士」）
- [ ] 依商品和平台的毛利填入「2025 損益表」

```
毛利率 = (營收 - 商品成本 - 平台費用 - 運費) / 營收
```

> [!NOTE]
> 這個空間裡的數字是機密：只有老闆和老闆加入的人看得到。
"""

HIRING = """我們計畫明年招募一位營運經理（見組織圖：規劃中的職位）。這個職位要把採購、物流和客服從老闆手上接過去。

## 人選條件
- 3 年以上跨境電商營運經驗，熟悉 Amazon FBA 和蝦皮
- 管理過供應商和小團隊
- 中英文書寫清楚；習慣把流程寫下來

## 流程
1. 1 月在 104 人力銀行和 LinkedIn 刊登職缺。
2. 老闆電話初談，30 分鐘。
3. 實作題：用真實（去識別化）的數據，幫前 5 名 SKU 做 Prime Day 備貨計畫。
4. 與 @[張雅婷] 和 @[王淑芬] 面談；兩人都同意才發錄取通知。

預算：月薪新台幣 8 萬元，另有 FBA 準時入倉率和 ODR 的獎金。
"""

NEGOTIATION = """3 月年度議價的筆記。機密。

| 供應商 | 2024 年採購額 | 目標 | 底線 |
|---|---|---|---|
| 寧波廚具 | 新台幣 270 萬元 | 降 5% 或尾款延到 60 天 | 把 30% 的砧板量轉給安吉竹業 |
| 義烏居家用品 | 新台幣 185 萬元 | 降 3%，外箱免費 | 價格不變，要求打樣加快 |
| 陽江刀具廠 | 新台幣 80 萬元 | 價格不變，MOQ 從 300 降到 200 | 接受 MOQ 250 |

- 通話前準備好[[供應商驗貨]]的品質數據和評價紀錄。
- 寧波那通電話由 @[王淑芬] 主談；老闆只在最後拍板時加入。
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
