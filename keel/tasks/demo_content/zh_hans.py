# ruff: noqa: E501 - the demo data reads best as one row per task
"""演示商店's projects and tasks (zh-hans): the English demo's work, as a Shenzhen team writes
it; the owner writes to the overseas assistant in English."""

from __future__ import annotations

from keel.tasks.demo import TasksDemo

_OWNER = "owner@demo-zh.example"
_ZHANG = "zhang.min@demo-zh.example"
_CHEN = "chen.xiaowen@demo-zh.example"
_WANG = "wang.fang@demo-zh.example"
_JESSICA = "jessica.miller@freelancehub.example"

CONTENT = TasksDemo(
    projects=[
        ("AMZ", "亚马逊 Listing", "各个 ASIN 的 Listing 质量、关键词和 A+ 页面。",
         ["待办", "撰写中", "审核", "已上线"], [_ZHANG, _CHEN, _JESSICA]),
        ("MKT", "内容营销", "独立站博客、社媒、邮件营销和产品拍摄。",
         ["想法", "进行中", "已排期", "已发布"], [_CHEN, _JESSICA]),
        ("DEV", "新品开发", "新品从想法到第一张采购单。",
         ["调研", "打样", "已确认", "已上市"], [_ZHANG, _WANG]),
        ("PUR", "采购", "供应商下单、样品、发货和报关。",
         ["待下单", "已下单", "运输中", "已收货"], [_ZHANG, _WANG]),
    ],
    tasks=[
        ("AMZ", 0, "重写竹砧板的五点描述", "seat:Listing 助理", 2, 2, ["Listing"], "todo"),
        ("AMZ", 0, "第三季度关键词调研（厨房收纳）", "seat:Listing 助理", 9, 1, ["关键词"], "todo"),
        ("AMZ", 1, "调料架套装的 A+ 页面", _JESSICA, 0, 3, ["Listing", "A+"], "in_progress"),
        ("AMZ", 1, "修复被屏蔽的 Listing：缺尺码表", _JESSICA, -2, 4, ["紧急"], "in_progress"),
        ("AMZ", 2, "拍摄完成后更新主图", _CHEN, 5, 2, ["图片"], "todo"),
        ("AMZ", 2, "Listing 翻译成德语，上架 amazon.de", None, 14, 1, ["翻译"], "todo"),
        ("AMZ", 3, "Prime Day 秒杀调价", _ZHANG, -6, 3, ["定价"], "done"),
        ("AMZ", 0, "回复抽屉收纳盒页面的买家问答", _CHEN, 1, 1, [], "todo"),
        ("AMZ", 0, "查看刀座的竞品价格", "seat:Listing 助理", -1, 2, ["定价"], "todo"),
        ("AMZ", 1, "所有砧板的后台搜索词", _JESSICA, 3, 1, ["关键词"], "in_progress"),
        ("MKT", 0, "拍摄：秋季厨房套装", _CHEN, 7, 3, ["图片"], "todo"),
        ("MKT", 1, "博客文章：小厨房收纳的 5 个方法", _CHEN, 4, 2, ["博客"], "in_progress"),
        ("MKT", 2, "十月邮件简报", "seat:市场主管", 12, 2, ["邮件营销"], "todo"),
        ("MKT", 0, "预约摄影师和影棚", _CHEN, -3, 3, ["图片"], "todo"),
        ("MKT", 1, "调料架的 Instagram Reels 短视频", _JESSICA, 2, 1, ["社媒"], "in_progress"),
        ("MKT", 3, "买家好评合集视频", None, -10, 1, ["社媒"], "done"),
        ("MKT", 0, "红人外联名单（家居厨房类）", "seat:市场主管", 20, 1, [], "todo"),
        ("MKT", 2, "双十一社媒内容排期", _CHEN, 0, 2, ["社媒"], "todo"),
        ("DEV", 0, "硅胶保鲜盖的市场容量调研", _ZHANG, 10, 1, ["调研"], "todo"),
        ("DEV", 1, "找三家竹制品供应商打样", _WANG, -4, 3, ["打样"], "in_progress"),
        ("DEV", 1, "样品质量测试：跌落和洗碗机测试", _ZHANG, 6, 2, ["打样"], "todo"),
        ("DEV", 2, "确认包装设计稿", _OWNER, 3, 3, ["包装"], "todo"),
        ("DEV", 0, "磁吸刀架的成本核算", "seat:采购主管", 8, 2, ["核价"], "todo"),
        ("DEV", 2, "在欧盟注册商标", _OWNER, 30, 2, ["法务"], "todo"),
        ("DEV", 3, "调料架上市检查清单", _ZHANG, -14, 2, [], "done"),
        ("DEV", 0, "收集买家对保鲜盖尺寸的反馈", None, None, 1, ["调研"], "todo"),
        ("PUR", 0, "催宁波供应商：发货延迟", _WANG, -1, 4, ["供应商", "紧急"], "todo"),
        ("PUR", 1, "和义乌家居用品确认采购单 #2024-118", "seat:采购主管", 0, 3, ["供应商"], "in_progress"),
        ("PUR", 2, "货柜 MSKU 1234567 的报关资料", _WANG, 2, 4, ["报关"], "in_progress"),
        ("PUR", 2, "订 11 月的货代舱位", "seat:物流专员", 5, 2, ["物流"], "todo"),
        ("PUR", 0, "砧板补货（库存不足 4 周）", "seat:采购主管", 1, 3, ["补货"], "todo"),
        ("PUR", 3, "按装箱单核对到货", "seat:仓库主管", -2, 2, ["仓库"], "todo"),
        ("PUR", 0, "和深圳新供应商谈账期", _ZHANG, 15, 2, ["供应商"], "todo"),
        ("PUR", 1, "支付刀座订单定金", "seat:财务经理", -5, 3, ["付款"], "done"),
        ("PUR", 0, "向供应商要硅胶保鲜盖的 CE 证书", _WANG, 6, 2, ["合规"], "todo"),
        ("PUR", 2, "12 月货柜的货运保险", "seat:物流专员", 18, 1, ["物流"], "todo"),
    ],
    subtasks={
        "找三家竹制品供应商打样": [
            ("安吉竹业的样品", _WANG, -5, "done"),
            ("福建绿居家居的样品", _WANG, -2, "todo"),
            ("浙江木艺的样品", _WANG, 1, "todo"),
        ],
        "货柜 MSKU 1234567 的报关资料": [
            ("商业发票", _WANG, 1, "todo"),
            ("装箱单", _WANG, 1, "todo"),
        ],
    },
    dependency=("样品质量测试：跌落和洗碗机测试", "找三家竹制品供应商打样"),
    comments=[
        ("货柜 MSKU 1234567 的报关资料", _WANG,
         "货代周四前要 HS 编码。@[张敏] 你帮忙确认一下？"),
        ("催宁波供应商：发货延迟", _ZHANG,
         "@[王芳] 让他们给个新的 ETD，延误的部分要个折扣。"),
        ("调料架套装的 A+ 页面", _OWNER,
         "Looks great so far. @jessica.miller please use the new lifestyle photos once they are in."),
        ("博客文章：小厨房收纳的 5 个方法", _CHEN,
         "初稿已经放在 wiki 里了，抽屉收纳盒的 Listing 链接也加上了。"),
    ],
)  # fmt: skip
