namespace KnowledgeKaizen.SeedGenerator.Feedback;

internal static partial class FeedbackTexts
{
    /// <summary>Recurring complaint themes: invoice errors, late delivery, slow response, installation, quality, price.</summary>
    public static readonly FeedbackCategory[] Complaints =
    [
        new("invoice_error", "complaint",
            ["Invoice {invoice} is wrong again. This is the third correction we have had to ask for this quarter.", "You invoiced us for {n} licenses although we cancelled some of them months ago.", "Your invoices keep arriving with the wrong tax rate and our accountant has to send every one back.", "We paid invoice {invoice} and still got a payment reminder. Please check your records.", "The invoice does not match the order confirmation, so we cannot approve it."],
            ["发票{invoice}又开错了，这个季度已经是第三次让你们更正了。", "有几个许可证几个月前就取消了，发票上还是按{n}个收费。", "你们的发票税率总是不对，会计每张都得退回去。", "发票{invoice}我们已经付过款了，还收到催款通知，请核对一下。", "发票金额和订单确认单对不上，我们没法走审批。"],
            ["Checked the contract, issued a corrected invoice and apologised to the customer.", "Asked finance to credit the difference and confirmed the new amount in writing.", "Corrected the customer's tax profile and reissued all open invoices."],
            ["核对合同后已重新开具正确发票，并向客户致歉。", "已请财务冲红差额，并书面确认了新的金额。", "已更正客户的税务档案，并重新开具所有未结发票。"]),
        new("late_delivery", "complaint",
            ["Order {order} is {days} days late and nobody has told us why.", "Delivery was promised for Monday; it is Friday and we still have nothing.", "Our project is on hold because your shipment is late again.", "The tracking page has not changed for a week. Where is our order {order}?", "Third late delivery this year. We are considering another supplier."],
            ["订单{order}已经晚了{days}天，也没有人告诉我们原因。", "说好周一到货，现在都周五了还没收到。", "因为你们又延迟交货，我们的项目只能停工等待。", "物流信息一个星期没更新了，订单{order}到底在哪里？", "今年已经第三次延迟交付了，我们在考虑换供应商。"],
            ["Traced the shipment, booked express delivery and called the customer with the new date.", "Apologised, expedited the back-ordered items and offered a discount on the delivery fee.", "Escalated to logistics; the order was delivered two days later and the customer confirmed receipt."],
            ["已追踪货物，改为加急配送，并电话告知客户新的到货日期。", "已向客户道歉，加急补发缺货商品，并减免了运费。", "已升级给物流部门，两天后送达，客户确认收货。"]),
        new("slow_response", "complaint",
            ["I waited {days} days for a first answer to my support request.", "Nobody picked up the hotline for half an hour.", "We sent three emails before anyone replied. This is not acceptable for an urgent problem.", "Your chat says someone will answer shortly, but nobody did.", "The response time has become much worse since last year."],
            ["我提交的服务请求等了{days}天才有人第一次回复。", "热线打了半个小时都没人接。", "我们发了三封邮件才有人回复，紧急问题这样处理实在不行。", "在线客服一直显示马上有人接待，结果根本没人回复。", "和去年相比，你们的响应速度差了很多。"],
            ["Apologised, explained the staffing gap and gave the customer a direct contact for urgent issues.", "Reviewed the queue, answered the open request the same day and added the customer to priority routing.", "Shared the complaint with the service lead; the team changed the on-call rota."],
            ["已向客户致歉并说明人手不足的情况，提供了紧急问题的直接联系人。", "已检查工单队列，当天回复了未处理的请求，并将客户加入优先处理名单。", "已把投诉反馈给服务主管，团队调整了值班安排。"]),
        new("installation", "complaint",
            ["The technician left before the installation was finished.", "The installation appointment was cancelled at the last minute without explanation.", "After your installation our devices keep disconnecting.", "The installer did not bring the right cables, so we lost a whole day.", "Installation took three visits instead of one."],
            ["技术人员没装完就走了。", "安装预约临时取消，也没有任何解释。", "你们安装完以后，设备老是断线。", "安装人员没带对线缆，我们白白耽误了一整天。", "本来一次就能装好，结果来了三次。"],
            ["Sent a senior technician who completed and tested the installation.", "Apologised, rebooked the visit at the customer's preferred time and confirmed by phone.", "Checked the configuration remotely, fixed the network setting and confirmed a stable connection."],
            ["已派资深技术人员上门，完成安装并测试通过。", "已向客户致歉，按客户方便的时间重新预约，并电话确认。", "已远程检查配置，修正网络设置，确认连接稳定。"]),
        new("product_quality", "complaint",
            ["The {product} we received has a defect; the screen flickers constantly.", "{product} crashes several times a day since the last update.", "Two of the {n} devices stopped working within a month.", "The quality of the latest batch is clearly worse than before.", "The labels printed by {product} fade after a few days."],
            ["收到的{product}有质量问题，屏幕一直闪。", "上次更新以后，{product}每天都要崩溃好几次。", "{n}台设备里有两台用了不到一个月就坏了。", "最新这批货的质量明显比以前差。", "{product}打印的标签几天就褪色了。"],
            ["Replaced the defective units under warranty and sent the fault report to quality assurance.", "Rolled back the update for the customer and shared the crash logs with development.", "Arranged an exchange and a quality check of the remaining stock."],
            ["已按保修更换故障设备，并把故障报告提交给质量部门。", "已为客户回退更新版本，并把崩溃日志提交给研发。", "已安排换货，并对剩余库存进行质量检查。"]),
        new("pricing", "complaint",
            ["Your renewal price went up by {n}% without any notice.", "We found the same product cheaper at a partner. Why do we pay more?", "The quote we received is much higher than last year's for the same scope.", "Extra fees appeared on our bill that were never discussed."],
            ["续约价格上涨了{n}%，事先没有任何通知。", "同样的产品在合作伙伴那里更便宜，为什么我们要多付钱？", "同样的范围，今年的报价比去年高出很多。", "账单上多出了一些从来没谈过的费用。"],
            ["Explained the price change, applied the loyalty discount and confirmed the renewal terms.", "Reviewed the quote with the sales rep and sent a revised offer.", "Removed the fees that were not in the contract and apologised."],
            ["已解释价格调整原因，给予老客户折扣，并确认续约条款。", "已与销售一起复核报价，重新发送了调整后的方案。", "已取消合同外的费用，并向客户致歉。"]),
    ];
}
