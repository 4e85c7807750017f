# ruff: noqa: E501 - the demo data reads best as one row per task
"""示範商店's projects and tasks (zh-hant): the English demo's work, as a Taipei team writes
it; the owner writes to the overseas assistant in English."""

from __future__ import annotations

from keel.tasks.demo import TasksDemo

_OWNER = "owner@demo-zht.example"
_CHANG = "chang.yating@demo-zht.example"
_CHEN = "chen.yijun@demo-zht.example"
_WANG = "wang.shufen@demo-zht.example"
_ANA = "ana.reyes@freelancehub.example"

CONTENT = TasksDemo(
    projects=[
        ("AMZ", "Amazon 商品頁", "各個 ASIN 的商品頁品質、關鍵字和 A+ 內容。",
         ["待辦", "撰寫中", "審核中", "已上架"], [_CHANG, _CHEN, _ANA]),
        ("MKT", "內容行銷", "部落格、社群貼文、電子報和商品拍攝。",
         ["點子", "進行中", "已排程", "已發布"], [_CHEN, _ANA]),
        ("DEV", "新品開發", "新品從點子到第一張採購單。",
         ["市場研究", "打樣", "已核准", "已上市"], [_CHANG, _WANG]),
        ("PUR", "採購", "供應商下單、樣品、運輸與報關。",
         ["待下單", "已下單", "運送中", "已到貨"], [_CHANG, _WANG]),
    ],
    tasks=[
        ("AMZ", 0, "改寫竹砧板的五點描述", "seat:商品頁助理", 2, 2, ["商品頁"], "todo"),
        ("AMZ", 0, "第三季關鍵字研究（廚房收納）", "seat:商品頁助理", 9, 1, ["關鍵字"], "todo"),
        ("AMZ", 1, "香料架組合的 A+ 內容", _ANA, 0, 3, ["商品頁", "A+"], "in_progress"),
        ("AMZ", 1, "修正被下架的商品頁：缺尺寸表", _ANA, -2, 4, ["急件"], "in_progress"),
        ("AMZ", 2, "拍攝完成後更新主圖", _CHEN, 5, 2, ["照片"], "todo"),
        ("AMZ", 2, "商品頁翻成德文，上架 amazon.de", None, 14, 1, ["翻譯"], "todo"),
        ("AMZ", 3, "Prime Day 檔期調價", _CHANG, -6, 3, ["定價"], "done"),
        ("AMZ", 0, "回覆抽屜收納盒頁面上的顧客提問", _CHEN, 1, 1, [], "todo"),
        ("AMZ", 0, "查看刀座的競品價格", "seat:商品頁助理", -1, 2, ["定價"], "todo"),
        ("AMZ", 1, "所有砧板的後台搜尋關鍵字", _ANA, 3, 1, ["關鍵字"], "in_progress"),
        ("MKT", 0, "拍攝：秋季廚房系列", _CHEN, 7, 3, ["照片"], "todo"),
        ("MKT", 1, "部落格文章：小廚房收納的 5 個妙招", _CHEN, 4, 2, ["部落格"], "in_progress"),
        ("MKT", 2, "十月份電子報", "seat:行銷主管", 12, 2, ["電子報"], "todo"),
        ("MKT", 0, "預約攝影師和攝影棚", _CHEN, -3, 3, ["照片"], "todo"),
        ("MKT", 1, "香料架的 Instagram Reels 短影音", _ANA, 2, 1, ["社群"], "in_progress"),
        ("MKT", 3, "顧客好評精選影片", None, -10, 1, ["社群"], "done"),
        ("MKT", 0, "網紅合作名單（居家廚房類）", "seat:行銷主管", 20, 1, [], "todo"),
        ("MKT", 2, "雙11 社群貼文排程", _CHEN, 0, 2, ["社群"], "todo"),
        ("DEV", 0, "矽膠保鮮蓋的市場規模研究", _CHANG, 10, 1, ["市場研究"], "todo"),
        ("DEV", 1, "向三家竹製品供應商索取樣品", _WANG, -4, 3, ["樣品"], "in_progress"),
        ("DEV", 1, "樣品品質測試：摔落與洗碗機測試", _CHANG, 6, 2, ["樣品"], "todo"),
        ("DEV", 2, "核准包裝設計稿", _OWNER, 3, 3, ["包裝"], "todo"),
        ("DEV", 0, "磁吸刀架的成本試算", "seat:採購主管", 8, 2, ["成本"], "todo"),
        ("DEV", 2, "在歐盟註冊商標", _OWNER, 30, 2, ["法務"], "todo"),
        ("DEV", 3, "香料架上市檢查清單", _CHANG, -14, 2, [], "done"),
        ("DEV", 0, "蒐集顧客對保鮮蓋尺寸的意見", None, None, 1, ["市場研究"], "todo"),
        ("PUR", 0, "寫信問寧波供應商出貨延遲的事", _WANG, -1, 4, ["供應商", "急件"], "todo"),
        ("PUR", 1, "和義烏居家用品確認採購單 #2024-118", "seat:採購主管", 0, 3, ["供應商"], "in_progress"),
        ("PUR", 2, "貨櫃 MSKU 1234567 的報關文件", _WANG, 2, 4, ["報關"], "in_progress"),
        ("PUR", 2, "預訂 11 月的海運承攬艙位", "seat:物流專員", 5, 2, ["物流"], "todo"),
        ("PUR", 0, "砧板補貨（庫存剩不到 4 週）", "seat:採購主管", 1, 3, ["補貨"], "todo"),
        ("PUR", 3, "依裝箱單清點到貨", "seat:倉儲主管", -2, 2, ["倉儲"], "todo"),
        ("PUR", 0, "和深圳新供應商談付款條件", _CHANG, 15, 2, ["供應商"], "todo"),
        ("PUR", 1, "支付刀座訂單的訂金", "seat:財務經理", -5, 3, ["付款"], "done"),
        ("PUR", 0, "向供應商索取矽膠保鮮蓋的 CE 證書", _WANG, 6, 2, ["法規"], "todo"),
        ("PUR", 2, "12 月貨櫃的貨物保險", "seat:物流專員", 18, 1, ["物流"], "todo"),
    ],
    subtasks={
        "向三家竹製品供應商索取樣品": [
            ("安吉竹業的樣品", _WANG, -5, "done"),
            ("福建綠居家飾的樣品", _WANG, -2, "todo"),
            ("浙江木藝的樣品", _WANG, 1, "todo"),
        ],
        "貨櫃 MSKU 1234567 的報關文件": [
            ("商業發票", _WANG, 1, "todo"),
            ("裝箱單", _WANG, 1, "todo"),
        ],
    },
    dependency=("樣品品質測試：摔落與洗碗機測試", "向三家竹製品供應商索取樣品"),
    comments=[
        ("貨櫃 MSKU 1234567 的報關文件", _WANG,
         "承攬業者週四前要 HS 稅則號列。@[張雅婷] 可以幫忙確認嗎？"),
        ("寫信問寧波供應商出貨延遲的事", _CHANG,
         "@[王淑芬] 麻煩請對方提供新的預計出貨日（ETD），延遲的部分要求折扣。"),
        ("香料架組合的 A+ 內容", _OWNER,
         "Looks great so far. @ana.reyes please use the new lifestyle photos once they are in."),
        ("部落格文章：小廚房收納的 5 個妙招", _CHEN,
         "草稿已經放在 wiki 上了，也附上了抽屜收納盒的商品頁連結。"),
    ],
)  # fmt: skip
