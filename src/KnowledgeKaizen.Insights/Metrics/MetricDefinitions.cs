namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>
/// The catalogue the Definitions page shows. The rules here are the ones <see cref="ProcessMetrics"/> computes;
/// the unit tests check each on hand-made data.
/// </summary>
public static class MetricDefinitions
{
    private const string Entered = "Stage entries ENTERED in the period";
    private const string EnteredZh = "在所选期间内【进入】该阶段的记录";
    private const string None = "—";

    public static readonly IReadOnlyList<MetricDefinition> All =
    [
        new("entered", "Funnel", "Entered", "进入数", "Stage-history entries of the stage", "该阶段的阶段记录数", None, None, Entered, EnteredZh),
        new("advanced", "Funnel", "Advanced / lost", "推进 / 丢失", "Entries of the stage whose outcome is advanced (resp. lost)", "结果为“推进”（或“丢失”）的记录数", None, None, Entered, EnteredZh),
        new("conversion", "Funnel", "Stage conversion rate", "阶段转化率", "Entries that advanced", "推进的记录数", "Entries decided: advanced + lost (open entries excluded)", "已决定的记录数：推进 + 丢失（未结束的不计）", Entered, EnteredZh),
        new("cumulative", "Funnel", "Cumulative conversion", "累计转化率", "Product of the stage conversion rates of this and all earlier stages", "本阶段及之前各阶段转化率之积", None, None, Entered + "; not shown when one stage is filtered", EnteredZh + "；筛选单一阶段时不显示"),
        new("time-in-stage", "Funnel", "Time in stage (average, median)", "阶段停留时间（平均、中位数）", "Days from entered to left, over entries that were left (advanced or lost)", "从进入到离开的天数，仅计已离开（推进或丢失）的记录", "Number of such entries; median = value at rank ⌈n/2⌉ of the sorted days (nearest rank)", "此类记录数；中位数 = 排序后第 ⌈n/2⌉ 个值（最近秩法）", Entered, EnteredZh),
        new("cycle", "Funnel", "Average conversion cycle", "平均转化周期", "Sum of days from opportunity created to closed won", "机会从创建到赢单的天数之和", "Opportunities won", "赢单的机会数", "Opportunities WON (closed) in the period", "在期间内【赢单】的机会"),
        new("win-rate", "Overview", "Opportunity conversion rate", "机会转化率", "Opportunities won", "赢单的机会数", "Opportunities won + lost (open ones excluded)", "赢单 + 丢单的机会数（未结束的不计）", "Opportunities CLOSED in the period", "在期间内【关闭】的机会"),
        new("new-customers", "Overview", "New customers", "新客户", "Customers created in the period (with a rep/team/region filter: those with an opportunity owned by a selected rep)", "期间内创建的客户（按销售/团队/区域筛选时：有所选销售负责的机会的客户）", None, None, "Customer created_at in the period", "客户创建时间在期间内"),
        new("contacts", "Overview", "Contact frequency", "联系频率", "Visits, calls and proposals", "拜访、电话和方案的次数", "Distinct opportunities with such an activity", "有此类活动的不同机会数", "Activities that OCCURRED in the period", "在期间内【发生】的活动"),
        new("quotes", "Overview", "Number of quotes", "报价次数", "Quote activities", "报价活动数", None, None, "Quotes that OCCURRED in the period", "在期间内【发生】的报价"),
        new("quote-accuracy", "Overview", "Quote accuracy", "报价准确度", "Sum over quotes of max(0, 1 − |quoted − final| ÷ final)", "各报价 max(0, 1 − |报价 − 成交价| ÷ 成交价) 之和", "Quotes with an amount on opportunities won with a final amount > 0", "有金额、且所属机会已赢单且成交价 > 0 的报价数", "Quotes that OCCURRED in the period", "在期间内【发生】的报价"),
        new("forecast", "Overview", "Sales forecast and forecast accuracy", "销售预测与预测准确度",
            "Forecast: sum of the opportunities' forecast amounts (each the amount the rep expects to book, e.g. the amount weighted by the chance to win); accuracy: 1 − |revenue − forecast|, at least 0",
            "预测：各机会预测金额之和（销售预计能签下的金额，例如按赢单概率加权的金额）；准确度：1 − |收入 − 预测|，最小为 0",
            "Accuracy: the forecast (100 % = revenue exactly as forecast; revenue 20 % above or below it = 80 %)",
            "准确度：预测金额（100% = 收入与预测完全一致；收入比预测高或低 20% = 80%）",
            "Forecast: opportunities EXPECTED to close in the period; revenue: won in the period", "预测：预计在期间内关闭的机会；收入：期间内赢单"),
        new("revenue", "Overview", "Revenue", "收入", "Sum of final amounts of opportunities won", "赢单机会的成交金额之和", None, None, "Opportunities WON in the period", "在期间内【赢单】的机会"),
        new("collections", "Overview", "Collections and collection rate", "回款与回款率", "Sum of collected amounts of opportunities won", "赢单机会的已回款金额之和", "Rate: revenue of the same deals", "回款率：同一批机会的收入", "Opportunities WON in the period", "在期间内【赢单】的机会"),
        new("sales-cost", "Overview", "Sales cost and cost per win", "销售成本与每单成本", "Sum of activity costs", "活动成本之和", "Per win: opportunities won in the period", "每单：期间内赢单数", "Activities that OCCURRED in the period", "在期间内【发生】的活动"),
        new("rep-stage", "Heatmap", "Rep × stage conversion", "销售 × 阶段转化率", "A rep's entries at the stage that advanced", "该销售在该阶段推进的记录数", "The rep's decided entries at the stage (the count is shown in every cell)", "该销售在该阶段已决定的记录数（每格均显示样本量）", Entered + "; the rep is the stage-history rep (responsible at that stage)", EnteredZh + "；销售为阶段记录中的负责人"),
        new("trend", "Rep", "Monthly conversion trend", "月度转化趋势", "Advanced entries (all stages pooled)", "推进的记录数（各阶段合计）", "Decided entries (all stages pooled)", "已决定的记录数（各阶段合计）", "Month the entry was ENTERED", "记录【进入】的月份"),
        new("activity-mix", "Rep", "Activity mix per opportunity", "每个机会的活动构成", "Visits, calls, proposals, quotes", "拜访、电话、方案、报价次数", "Distinct opportunities with any activity", "有任何活动的不同机会数", "Activities that OCCURRED in the period", "在期间内【发生】的活动"),
        new("first-response", "Service", "First-response time (median, p90)", "首次响应时间（中位数、P90）", "Hours from case opened to first response", "从工单创建到首次响应的小时数", "Cases with a first response; percentiles by nearest rank (⌈p·n⌉)", "有首次响应的工单；百分位数用最近秩法（⌈p·n⌉）", "Cases OPENED in the period", "在期间内【创建】的工单"),
        new("resolution", "Service", "Resolution time (median, p90)", "解决时间（中位数、P90）", "Hours from case opened to resolved", "从工单创建到解决的小时数", "Resolved cases", "已解决的工单", "Cases OPENED in the period", "在期间内【创建】的工单"),
        new("service-cost", "Service", "Cost per case", "每单服务成本", "Sum of case costs", "工单成本之和", "Cases with a cost", "有成本的工单数", "Cases OPENED in the period", "在期间内【创建】的工单"),
        new("satisfaction", "Service", "Satisfaction", "满意度", "Sum of satisfaction scores (1–5)", "满意度评分（1–5）之和", "Rated cases", "已评分的工单数", "Cases OPENED in the period", "在期间内【创建】的工单"),
        new("backlog", "Service", "Open backlog by age", "未结工单账龄", "Cases opened before the period's end and not resolved before it, by age at the end (< 1, 1–3, 3–7, 7–30, ≥ 30 days)", "期末前创建且期末前未解决的工单，按期末账龄分组（< 1、1–3、3–7、7–30、≥ 30 天）", None, None, "State at the END of the period", "期末时的状态"),
        new("feedback-volume", "Feedback", "Feedback volume", "反馈量", "Feedback items by type (complaint, praise, suggestion), per month, channel or category", "按类型（投诉、表扬、建议）统计的反馈数，按月、渠道或类别", None, None, "Feedback RECEIVED in the period", "在期间内【收到】的反馈"),
        new("complaint-resolution", "Feedback", "Complaint resolution rate and time", "投诉解决率与解决时间", "Complaints with a resolution date; time: days received → resolved", "有解决日期的投诉数；时间：从收到到解决的天数", "Complaints received", "收到的投诉数", "Complaints RECEIVED in the period (resolved at any time since)", "在期间内【收到】的投诉（此后任何时候解决均计）"),
        new("churn", "Feedback", "Churned customers", "流失客户", "Customers whose churn date is in the period; of them, those with a complaint received before the churn and unresolved at it", "流失日期在期间内的客户；其中在流失前收到投诉且流失时仍未解决的客户", None, None, "Churn date in the period (region and industry of the customer)", "流失日期在期间内（按客户的区域和行业）"),
        new("filters", "All", "Filters", "筛选", "Team, region and rep select the responsible rep: stage-history rep, opportunity owner, activity rep, case agent, feedback handler (for new customers and churn: the customer's region)", "团队、区域、销售筛选负责人：阶段记录负责人、机会负责人、活动执行人、工单处理人、反馈处理人（新客户与流失：客户所在区域）", "Industry and source select the opportunity (cases and feedback: the customer's industry; source does not apply to them); stage selects stage-history rows", "行业和来源筛选机会（工单与反馈：客户行业；来源不适用）；阶段筛选阶段记录", "Period [from, to] in UTC, both days included; comparison: the period of the same length just before", "期间 [起, 止]（UTC，含首尾两日）；对比：紧邻之前的同长度期间"),
    ];
}
