namespace KnowledgeKaizen.SeedGenerator.Feedback;

internal static partial class FeedbackTexts
{
    private static readonly string[] PraiseHandlingEnglish =
    [
        "Thanked the customer and shared the feedback with the team.",
        "Forwarded to the agent's manager for recognition.",
        "Added to the monthly team review as a good example.",
    ];

    private static readonly string[] PraiseHandlingChinese =
    [
        "已感谢客户，并把表扬分享给团队。",
        "已转给该同事的主管，作为表彰依据。",
        "已作为优秀案例加入团队月度回顾。",
    ];

    private static readonly string[] SuggestionHandlingEnglish =
    [
        "Logged for the product team and told the customer how it will be reviewed.",
        "Discussed with the customer and added to the improvement backlog.",
        "Passed to the process owner; the customer will hear back after the quarterly review.",
    ];

    private static readonly string[] SuggestionHandlingChinese =
    [
        "已记录并转给产品团队，并告知客户后续评估方式。",
        "已与客户沟通细节，并加入改进待办清单。",
        "已转交流程负责人，季度评审后回复客户。",
    ];

    public static readonly FeedbackCategory[] Praise =
    [
        new("helpful_staff", "praise",
            ["{agent} was patient and explained everything clearly. Thank you!", "Very friendly support; {agent} called back exactly when promised.", "Your engineer went out of his way to help us on a Saturday.", "Great service from {agent}, who knew our setup without us explaining it again."],
            ["{agent}非常耐心，解释得很清楚，谢谢！", "客服态度很好，{agent}按约定的时间准时回电。", "你们的工程师周六专门过来帮我们解决问题，非常感谢。", "{agent}服务很专业，不用我们重复说明就了解情况。"],
            PraiseHandlingEnglish, PraiseHandlingChinese),
        new("fast_resolution", "praise",
            ["Problem solved within an hour. Impressive.", "Fast and effective, our team could continue working the same morning.", "The issue was fixed on the first call. Thank you.", "Quick response and a clear solution."],
            ["一个小时就解决了，效率很高。", "处理又快又到位，我们当天上午就恢复工作了。", "第一次来电就把问题解决了，谢谢。", "响应及时，解决方案也很清楚。"],
            PraiseHandlingEnglish, PraiseHandlingChinese),
        new("reliable_product", "praise",
            ["{product} has run for a year without a single outage.", "Since we switched to {product} our order processing is twice as fast.", "Our staff like the new version of {product}; it is much easier to use."],
            ["{product}用了一年，一次故障都没有。", "换成{product}以后，我们处理订单的速度快了一倍。", "新版{product}大家都说好用多了。"],
            PraiseHandlingEnglish, PraiseHandlingChinese),
        new("good_training", "praise",
            ["The training session was practical and well organised.", "Our new staff learned {product} in one afternoon thanks to your trainer."],
            ["培训内容很实用，组织得也很好。", "多亏了培训老师，新员工一个下午就学会了{product}。"],
            PraiseHandlingEnglish, PraiseHandlingChinese),
    ];

    public static readonly FeedbackCategory[] Suggestions =
    [
        new("feature_request", "suggestion",
            ["It would help if {product} could export orders directly to Excel.", "Please add bulk editing of prices; changing {n} items one by one takes too long.", "Could the mobile app work offline in the warehouse?"],
            ["希望{product}能直接把订单导出到Excel。", "建议增加批量改价功能，{n}个商品一个一个改太费时间了。", "仓库里信号不好，手机端能不能支持离线使用？"],
            SuggestionHandlingEnglish, SuggestionHandlingChinese),
        new("portal_usability", "suggestion",
            ["The customer portal menu is confusing; invoices should be on the first page.", "Please let us save frequently used search filters in the portal.", "A Chinese language option in the portal would help our staff."],
            ["客户门户的菜单不太好找，建议把发票放在首页。", "希望门户里能保存常用的搜索条件。", "门户如果有中文界面，我们员工用起来会方便很多。"],
            SuggestionHandlingEnglish, SuggestionHandlingChinese),
        new("reporting", "suggestion",
            ["A monthly summary of our service cases would help our management meetings.", "Please show the delivery date on the order confirmation report."],
            ["如果每月能发一份服务工单汇总，对我们的管理例会很有帮助。", "建议在订单确认报表上显示交货日期。"],
            SuggestionHandlingEnglish, SuggestionHandlingChinese),
        new("delivery_tracking", "suggestion",
            ["Send us a message when the shipment leaves the warehouse.", "It would be useful to see the expected delivery time in the portal."],
            ["希望货物出库时能发条消息通知我们。", "建议在门户里显示预计送达时间。"],
            SuggestionHandlingEnglish, SuggestionHandlingChinese),
    ];
}
