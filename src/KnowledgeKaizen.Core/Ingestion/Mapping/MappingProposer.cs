namespace KnowledgeKaizen.Core.Ingestion.Mapping;

/// <summary>
/// Proposes a mapping for a file in an unknown layout: each portal column gets the file column whose name is most alike
/// (the portal's names, and the names CRMs commonly use, in English and Chinese), weighed by whether its sample values
/// fit (dates for a date, numbers for an amount); a column with a fixed vocabulary gets a value map from the sample's
/// values; dates get the format the sample is written in. A starting point for the Admin, shown with its preview.
/// </summary>
public static class MappingProposer
{
    private const double Threshold = 0.62;

    private static readonly Dictionary<string, string[]> Synonyms = new()
    {
        ["external_id"] = ["id", "record id", "external id", "编号", "记录id", "记录编号", "商机编号", "客户编号", "工单编号"],
        ["code"] = ["code", "stage code", "编码", "代码"],
        ["position"] = ["position", "order", "sequence", "顺序", "序号"],
        ["name_zh"] = ["name zh", "chinese name", "中文名称"],
        ["name"] = ["name", "full name", "fullname", "名称", "姓名"],
        ["email"] = ["email", "e-mail", "mail", "email address", "邮箱", "电子邮件"],
        ["team"] = ["team", "department", "business unit", "团队", "部门"],
        ["region"] = ["region", "territory", "division", "state", "province", "区域", "大区", "省份"],
        ["role"] = ["role", "角色", "岗位"],
        ["hired_at"] = ["hired", "hire date", "start date", "入职日期"],
        ["active"] = ["active", "is active", "enabled", "在职", "启用"],
        ["industry"] = ["industry", "行业"],
        ["segment"] = ["segment", "size", "employees", "number of employees", "规模", "客户规模"],
        ["created_at"] = ["created", "create date", "created date", "created on", "创建时间", "创建日期"],
        ["churned_at"] = ["churned", "churn date", "流失日期"],
        ["customer_id"] = ["customer", "customer id", "account", "account id", "company", "company id", "客户", "客户id", "公司"],
        ["owner_id"] = ["owner", "owner id", "opportunity owner", "deal owner", "负责人", "销售"],
        ["amount"] = ["amount", "value", "estimated value", "金额", "商机金额"],
        ["source"] = ["source", "lead source", "deal source", "来源", "线索来源"],
        ["expected_close_at"] = ["close date", "expected close", "estimated close date", "预计成交日期"],
        ["forecast_amount"] = ["forecast", "forecast amount", "预测金额"],
        ["closed_at"] = ["closed", "closed date", "actual close date", "成交日期", "关闭时间"],
        ["outcome"] = ["outcome", "stage", "status", "result", "结果", "状态"],
        ["loss_reason"] = ["loss reason", "lost reason", "closed lost reason", "输单原因"],
        ["final_amount"] = ["final amount", "actual value", "contract amount", "成交金额"],
        ["collected_amount"] = ["collected", "collected amount", "回款金额"],
        ["opportunity_id"] = ["opportunity", "opportunity id", "deal", "deal id", "商机", "商机id"],
        ["stage"] = ["stage", "stage name", "阶段"],
        ["rep_id"] = ["rep", "rep id", "owner", "owner id", "user", "销售", "负责人"],
        ["entered_at"] = ["entered", "entered at", "start", "进入时间"],
        ["left_at"] = ["left", "exited", "end", "离开时间"],
        ["type"] = ["type", "activity type", "类型"],
        ["occurred_at"] = ["date", "occurred", "activity date", "时间", "日期"],
        ["cost"] = ["cost", "费用", "成本"],
        ["agent_id"] = ["agent", "owner", "assigned to", "处理人", "客服"],
        ["opened_at"] = ["opened", "created", "date opened", "创建时间"],
        ["first_response_at"] = ["first response", "first reply", "首次响应"],
        ["resolved_at"] = ["resolved", "closed", "closed date", "解决时间"],
        ["channel"] = ["channel", "origin", "渠道"],
        ["category"] = ["category", "reason", "类别", "分类"],
        ["priority"] = ["priority", "优先级"],
        ["satisfaction"] = ["satisfaction", "csat", "满意度"],
        ["subject"] = ["subject", "title", "主题", "标题"],
        ["description"] = ["description", "details", "描述"],
        ["resolution"] = ["resolution", "解决方案"],
        ["case_id"] = ["case", "case id", "ticket", "工单"],
        ["text"] = ["text", "comment", "content", "feedback", "内容", "反馈"],
        ["score"] = ["score", "rating", "评分"],
        ["received_at"] = ["received", "submitted", "submission date", "收到时间"],
        ["handled_by"] = ["handled by", "处理人"],
        ["handling_record"] = ["handling record", "notes", "处理记录"],
    };

    /// <summary>Other words for the portal's values, for value maps.</summary>
    private static readonly Dictionary<string, string[]> ValueSynonyms = new()
    {
        ["won"] = ["won", "closed won", "win", "赢单", "成交"],
        ["lost"] = ["lost", "closed lost", "lose", "输单", "丢单"],
        ["open"] = ["open", "in progress", "active", "进行中"],
        ["advanced"] = ["advanced", "next", "passed", "推进"],
        ["phone"] = ["phone", "call", "telephone", "电话"],
        ["email"] = ["email", "e-mail", "mail", "邮件"],
        ["chat"] = ["chat", "im", "live chat", "在线"],
        ["web"] = ["web", "website", "form", "portal", "online", "网站"],
        ["onsite"] = ["onsite", "on-site", "on site", "现场"],
        ["survey"] = ["survey", "问卷"],
        ["social"] = ["social", "wechat", "weibo", "社交"],
        ["low"] = ["low", "低"],
        ["normal"] = ["normal", "medium", "中"],
        ["high"] = ["high", "高"],
        ["urgent"] = ["urgent", "critical", "紧急"],
        ["visit"] = ["visit", "meeting", "appointment", "拜访"],
        ["call"] = ["call", "phonecall", "phone call", "电话"],
        ["proposal"] = ["proposal", "方案"],
        ["quote"] = ["quote", "quotation", "报价"],
        ["complaint"] = ["complaint", "投诉"],
        ["praise"] = ["praise", "compliment", "表扬"],
        ["suggestion"] = ["suggestion", "idea", "建议"],
        ["referral"] = ["referral", "推荐"],
        ["event"] = ["event", "trade show", "seminar", "展会"],
        ["outbound"] = ["outbound", "cold call", "cold outreach", "外呼"],
        ["partner"] = ["partner", "channel partner", "合作伙伴"],
        ["sales"] = ["sales", "销售"],
        ["service"] = ["service", "support", "客服"],
        ["smb"] = ["smb", "small", "小"],
        ["mid"] = ["mid", "medium", "mid-market", "中"],
        ["enterprise"] = ["enterprise", "large", "大"],
        ["true"] = ["true", "yes", "y", "1", "是"],
        ["false"] = ["false", "no", "n", "0", "否"],
    };

    private static readonly string[] DatePatterns =
        ["M/d/yyyy", "d/M/yyyy", "yyyy/M/d", "M/d/yyyy H:mm", "d/M/yyyy H:mm", "d.M.yyyy", "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss", "yyyy年M月d日"];

    /// <summary>A mapping of <paramref name="kind"/> for the sample's layout, named <paramref name="name"/>.</summary>
    public static ImportMapping Propose(ImportKind kind, FileSample sample, string name)
    {
        var columns = kind.Columns();
        var pairs = new List<(double Score, int Field, int Column)>();
        for (var f = 0; f < columns.Count; f++)
        {
            for (var c = 0; c < sample.Header.Count; c++)
            {
                var score = NameScore(columns[f].Name, sample.Header[c]) * Fit(columns[f].Name, sample.Values(c));
                if (score >= Threshold)
                {
                    pairs.Add((score, f, c));
                }
            }
        }

        var fields = new Dictionary<string, FieldRule>();
        var used = new HashSet<int>();
        foreach (var (_, f, c) in pairs.OrderByDescending(p => p.Score).ThenBy(p => p.Field))
        {
            var field = columns[f].Name;
            if (fields.ContainsKey(field) || used.Contains(c))
            {
                continue;
            }

            used.Add(c);
            fields[field] = Rule(kind, field, sample.Header[c], sample.Values(c));
        }

        return new ImportMapping { Name = name, Kind = kind.Slug(), Fields = fields };
    }

    /// <summary>A value map from sample values to a column's vocabulary: each value to the portal value it most resembles.</summary>
    public static IReadOnlyDictionary<string, string> ProposeValues(IReadOnlyList<string> allowed, IEnumerable<string> values)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
        {
            var best = allowed
                .Select(a => (Value: a, Score: ValueSynonyms.GetValueOrDefault(a, [a]).Append(a).Max(s => Similarity(Normalize(value), Normalize(s)))))
                .OrderByDescending(x => x.Score)
                .FirstOrDefault();
            if (best.Value is not null && best.Score >= Threshold)
            {
                map[value] = best.Value;
            }
        }

        return map;
    }

    private static FieldRule Rule(ImportKind kind, string field, string column, IReadOnlyList<string> values)
    {
        var rule = FieldRule.FromColumn(column);
        if (PortalValues.Allowed(kind, field) is { } allowed && values.Any(v => !allowed.Contains(v, StringComparer.OrdinalIgnoreCase)))
        {
            return rule with { Values = ProposeValues(allowed, values) };
        }

        if (PortalValues.IsDate(field) && values.Count > 0 && !values.All(v => DateReader.Utc.TryParse(v, null, out _, out _)))
        {
            return rule with { Format = DateFormatOf(values) };
        }

        return rule;
    }

    /// <summary>The first format every sample value parses in; epoch numbers by their length.</summary>
    private static string? DateFormatOf(IReadOnlyList<string> values)
    {
        if (values.All(v => v.Length == 13 && v.All(char.IsAsciiDigit)))
        {
            return DateReader.EpochMilliseconds;
        }

        if (values.All(v => v.Length == 10 && v.All(char.IsAsciiDigit)))
        {
            return DateReader.EpochSeconds;
        }

        return DatePatterns.FirstOrDefault(p => values.All(v => DateReader.Utc.TryParse(v, p, out _, out _)));
    }

    private static double NameScore(string field, string column)
    {
        var candidate = Normalize(column);
        return Synonyms.GetValueOrDefault(field, []).Append(field).Max(s => Similarity(candidate, Normalize(s)));
    }

    /// <summary>How well the sample values suit the column: 1 when they fit, down to 0.5 when none does.</summary>
    private static double Fit(string field, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return 0.9;
        }

        double share;
        if (PortalValues.IsDate(field))
        {
            share = (double)values.Count(v => DateReader.Utc.TryParse(v, null, out _, out _) || DatePatterns.Any(p => DateReader.Utc.TryParse(v, p, out _, out _))
                || (v.Length is 10 or 13 && v.All(char.IsAsciiDigit))) / values.Count;
        }
        else if (PortalValues.IsNumber(field))
        {
            share = (double)values.Count(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) / values.Count;
        }
        else
        {
            return 1;
        }

        return 0.5 + (0.5 * share);
    }

    /// <summary>Lower case letters and digits only (any script), so "Created Date", "created_at" and "CreatedDate" compare.</summary>
    private static string Normalize(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>1 when equal; 0.9 when one contains the other; otherwise the Dice coefficient of their letter pairs.</summary>
    private static double Similarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        if (a == b)
        {
            return 1;
        }

        if ((a.Length >= 3 && b.Contains(a, StringComparison.Ordinal)) || (b.Length >= 3 && a.Contains(b, StringComparison.Ordinal)))
        {
            return 0.9;
        }

        var pairs = Bigrams(a);
        var other = Bigrams(b);
        if (pairs.Count == 0 || other.Count == 0)
        {
            return 0;
        }

        var common = 0;
        foreach (var p in pairs)
        {
            if (other.Remove(p))
            {
                common++;
            }
        }

        return 2.0 * common / (pairs.Count + other.Count + common);
    }

    private static List<string> Bigrams(string s)
    {
        var list = new List<string>(Math.Max(0, s.Length - 1));
        for (var i = 0; i < s.Length - 1; i++)
        {
            list.Add(s.Substring(i, 2));
        }

        return list;
    }
}
