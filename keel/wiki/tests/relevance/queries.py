# ruff: noqa: E501 - one query per line reads best
"""Labelled queries over corpus.py: what people type into the search box, with graded
relevance (2 = the page that answers it, 1 = a page worth seeing next to it).

Judged by reading the pages, not by what an engine returns. Rules kept throughout: a Chinese
query counts pages in either script and mixed pages (a Traditional page answers a Simplified
query and the reverse); an English query counts English and mixed pages; a mixed query counts
all. Every query has distractors: pages that share its words but do not answer it (other
countries' VAT, other warehouses' records, per-SKU notes, meeting minutes…).
"""

from __future__ import annotations

from typing import Any

QUERIES: list[dict[str, Any]] = [
    # --- Simplified Chinese -----------------------------------------------------------------
    {"q": "退款", "lang": "zh-hans", "relevant": {"p001": 2, "p046": 2, "p002": 2, "p074": 1, "p292": 1, "p055": 1}},
    {"q": "库存 盘点", "lang": "zh-hans", "relevant": {"p003": 2, "p048": 2, "p072": 1, **{f"p{n:03d}": 1 for n in range(76, 92)}, **{f"p{n:03d}": 1 for n in range(250, 254)}}},
    {"q": "增值税 专用发票", "lang": "zh-hans", "relevant": {"p004": 2, "p005": 1}},
    {"q": "海运 报关 资料", "lang": "zh-hans", "relevant": {"p006": 2, "p049": 1, "p273": 1}},
    {"q": "供应商 验货 标准", "lang": "zh-hans", "relevant": {"p007": 2, "p264": 2}},
    {"q": "天猫 双11 报名", "lang": "zh-hans", "relevant": {"p008": 2, "p173": 1}},
    {"q": "淘宝 直通车 出价", "lang": "zh-hans", "relevant": {"p009": 2, "p174": 1}},
    {"q": "差评 处理", "lang": "zh-hans", "relevant": {"p010": 2, "p204": 1, "p075": 1}},
    {"q": "工资 发放", "lang": "zh-hans", "relevant": {"p012": 2, "p053": 1, "p193": 1}},
    {"q": "社保 公积金", "lang": "zh-hans", "relevant": {"p013": 2, "p194": 1, "p012": 1}},
    {"q": "新员工 入职", "lang": "zh-hans", "relevant": {"p014": 2, "p013": 1, "p204": 1, "p205": 1, "p206": 1, "p052": 1}},
    {"q": "包装 跌落测试", "lang": "zh-hans", "relevant": {"p015": 2, "p060": 2, "p007": 1, **{f"p{n:03d}": 1 for n in range(216, 222)}}},
    {"q": "产品 拍摄 白底图", "lang": "zh-hans", "relevant": {"p016": 2, "p056": 1, "p062": 1, "p066": 1}},
    {"q": "物流 延误 话术", "lang": "zh-hans", "relevant": {"p021": 2, "p051": 2}},
    {"q": "报销 流程", "lang": "zh-hans", "relevant": {"p017": 2}},
    {"q": "1688 采购", "lang": "zh-hans", "relevant": {"p022": 2}},
    {"q": "仓库 收货", "lang": "zh-hans", "relevant": {"p020": 2, "p206": 1}},
    {"q": "红冲 发票", "lang": "zh-hans", "relevant": {"p005": 2, "p004": 1, "p257": 1}},
    {"q": "优惠券 设置", "lang": "zh-hans", "relevant": {"p018": 2, "p297": 2, "p237": 1}},
    {"q": "品牌备案", "lang": "zh-hans", "relevant": {"p019": 2, "p277": 1}},
    {"q": "商品 破损 补发", "lang": "zh-hans", "relevant": {"p141": 2, "p155": 2, "p002": 1}},
    {"q": "周会 纪要", "lang": "zh-hans", "relevant": {"p023": 2, **{f"p{n:03d}": 1 for n in range(180, 186)}, "p190": 1, "p191": 1, "p192": 1}},
    {"q": "退货运费谁出", "lang": "zh-hans", "relevant": {"p001": 2, "p046": 1, "p292": 1}},
    {"q": "竹砧板 开裂", "lang": "zh-hans", "relevant": {"p143": 2, "p198": 1, "p157": 1}},
    {"q": "硅胶盖 色差", "lang": "zh-hans", "relevant": {"p094": 2, "p181": 1, "p104": 1, "p007": 1}},
    # --- English ------------------------------------------------------------------------------
    {"q": "refund policy", "lang": "en", "relevant": {"p024": 2, "p303": 1, "p025": 1, "p038": 1}},
    {"q": "customs HS code", "lang": "en", "relevant": {"p028": 2, "p300": 1, "p299": 1, "p069": 1, "p273": 1}},
    {"q": "inventory cycle count", "lang": "en", "relevant": {"p026": 2, "p311": 1}},
    {"q": "supplier inspection AQL", "lang": "en", "relevant": {"p030": 2, "p027": 1}},
    {"q": "listing title bullet points", "lang": "en", "relevant": {"p031": 2, "p066": 1}},
    {"q": "PPC ACoS target", "lang": "en", "relevant": {"p032": 2, "p065": 2, "p283": 1, "p284": 1, "p285": 1, "p286": 1}},
    {"q": "negative review response", "lang": "en", "relevant": {"p033": 2, "p208": 1}},
    {"q": "account health appeal plan of action", "lang": "en", "relevant": {"p034": 2, "p305": 1, "p062": 1, "p279": 1}},
    {"q": "UK VAT registration", "lang": "en", "relevant": {"p035": 2}},
    {"q": "packaging drop test", "lang": "en", "relevant": {"p036": 2, "p030": 1}},
    {"q": "product photography main image", "lang": "en", "relevant": {"p037": 2, "p031": 1, **{f"p{n:03d}": 1 for n in range(211, 216)}}},
    {"q": "new hire onboarding checklist", "lang": "en", "relevant": {"p039": 2, "p207": 1, "p208": 1}},
    {"q": "payroll schedule", "lang": "en", "relevant": {"p040": 2}},
    {"q": "FBA removal order", "lang": "en", "relevant": {"p041": 2, "p061": 1, "p272": 1, "p269": 1}},
    {"q": "chargeback dispute Shopify", "lang": "en", "relevant": {"p042": 2, "p073": 2}},
    {"q": "cancel order macro", "lang": "en", "relevant": {"p153": 2, "p038": 1}},
    {"q": "trademark brand registry", "lang": "en", "relevant": {"p045": 2}},
    {"q": "3PL invoice reconciliation", "lang": "en", "relevant": {"p043": 2, "p063": 2}},
    {"q": "damaged item replacement", "lang": "en", "relevant": {"p149": 2, "p024": 1}},
    {"q": "DHL express samples", "lang": "en", "relevant": {"p133": 2, "p029": 1}},
    {"q": "Prime Day deal", "lang": "en", "relevant": {"p044": 2, "p176": 1, "p070": 1, "p237": 1}},
    {"q": "return reason codes", "lang": "en", "relevant": {"p304": 2, "p287": 1, **{f"p{n:03d}": 1 for n in range(198, 204)}}},
    {"q": "how long do refunds take", "lang": "en", "relevant": {"p024": 2, "p074": 1}},
    {"q": "who pays return shipping", "lang": "en", "relevant": {"p024": 2, "p025": 1}},
    {"q": "aged inventory surcharge", "lang": "en", "relevant": {"p269": 2, "p041": 1}},
    # --- Traditional Chinese ------------------------------------------------------------------
    {"q": "亞馬遜 帳號 申訴", "lang": "zh-hant", "relevant": {"p058": 2, "p011": 2, "p062": 1, "p279": 1}},
    {"q": "發票", "lang": "zh-hant", "relevant": {"p047": 2, "p004": 2, "p005": 1, "p071": 1, "p146": 1, "p160": 1, **{f"p{n:03d}": 1 for n in range(254, 259)}}},
    {"q": "電子發票 作廢", "lang": "zh-hant", "relevant": {"p047": 2, "p257": 1, "p255": 1, "p160": 1, "p005": 1}},
    {"q": "蝦皮 出貨", "lang": "zh-hant", "relevant": {"p050": 2, "p248": 1, "p243": 1, "p139": 1}},
    {"q": "庫存 盤點", "lang": "zh-hant", "relevant": {"p048": 2, "p003": 2, "p072": 1, **{f"p{n:03d}": 1 for n in range(250, 254)}, **{f"p{n:03d}": 1 for n in range(76, 92)}}},
    {"q": "勞保 健保 加保", "lang": "zh-hant", "relevant": {"p054": 2, "p053": 1, "p266": 1}},
    {"q": "延遲出貨 計點", "lang": "zh-hant", "relevant": {"p248": 2, "p050": 1, "p243": 1}},
    {"q": "退貨 流程", "lang": "zh-hant", "relevant": {"p055": 2, "p046": 1, "p292": 1, "p061": 1}},
    {"q": "薪資", "lang": "zh-hant", "relevant": {"p053": 2, "p196": 1, "p197": 1, "p012": 1}},
    {"q": "新人 訓練", "lang": "zh-hant", "relevant": {"p052": 2, "p209": 1, "p210": 1, "p014": 1}},
    {"q": "商品 攝影", "lang": "zh-hant", "relevant": {"p056": 2, "p016": 2}},
    {"q": "黑貓 宅急便", "lang": "zh-hant", "relevant": {"p139": 2, "p050": 1}},
    {"q": "營業稅 申報", "lang": "zh-hant", "relevant": {"p057": 2, "p257": 1}},
    # --- Mixed Chinese and English ------------------------------------------------------------
    {"q": "FBA 退货", "lang": "mixed", "relevant": {"p061": 2, "p041": 1, "p272": 1, "p287": 1, "p055": 1, **{f"p{n:03d}": 1 for n in range(198, 204)}}},
    {"q": "ASIN 被下架", "lang": "mixed", "relevant": {"p062": 2, "p279": 1, "p280": 1, "p011": 1, "p058": 1}},
    {"q": "3PL 海外仓 对账", "lang": "mixed", "relevant": {"p063": 2, "p043": 2, "p271": 1}},
    {"q": "SKU 命名 规则", "lang": "mixed", "relevant": {"p064": 2, "p236": 1}},
    {"q": "PPC 广告 ACoS", "lang": "mixed", "relevant": {"p065": 2, "p032": 2, "p283": 1, "p284": 1, "p285": 1, "p286": 1}},
    {"q": "Listing 优化", "lang": "mixed", "relevant": {"p066": 2, "p031": 2, **{f"p{n:03d}": 1 for n in range(119, 127)}}},
    {"q": "德国 VAT 申报", "lang": "mixed", "relevant": {"p067": 2, "p168": 2, "p161": 2, "p293": 1}},
    {"q": "FBA 入仓 发货", "lang": "mixed", "relevant": {"p068": 2, "p288": 1, "p270": 1}},
    {"q": "HS code 硅胶", "lang": "mixed", "relevant": {"p069": 2, "p260": 2, "p028": 1, "p006": 1}},
    {"q": "Prime Day 备货", "lang": "mixed", "relevant": {"p070": 2, "p044": 1, "p176": 1}},
    {"q": "竹砧板 HS code", "lang": "mixed", "relevant": {"p127": 2, "p259": 2, "p028": 1, "p006": 1}},
    {"q": "VAT invoice 上傳", "lang": "mixed", "relevant": {"p071": 2, "p312": 1}},
]  # fmt: skip
