namespace KnowledgeKaizen.SeedGenerator;

/// <summary>Fills template placeholders; within one record the same placeholder always gets the same value.</summary>
internal sealed class TextFiller(Random random)
{
    private static readonly string[] Products = ["FlowDesk", "KaizenERP", "Orbit Scanner", "Nimbus Gateway", "SmartLabel 300", "FieldPad"];
    private static readonly string[] Systems = ["SAP", "Kingdee", "Yonyou U8", "Shopify", "Dynamics 365", "Odoo"];
    private static readonly string[] ContactTitles = ["经理", "工", "主管", "老师", "总"];
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>Starts a new record; the agent name is used for {agent}.</summary>
    public void NewRecord(string agentName)
    {
        _values.Clear();
        _values["agent"] = agentName;
    }

    public string Fill(string template) => random.Fill(template, Value);

    private string Value(Random r, string key)
    {
        if (_values.TryGetValue(key, out var known))
        {
            return known;
        }

        var value = key switch
        {
            "product" => r.Pick(Products),
            "system" => r.Pick(Systems),
            "code" => $"E{r.Next(1000, 9999)}",
            "n" => r.Next(2, 40).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "days" => r.Next(3, 21).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "invoice" => $"INV-{r.Next(100000, 999999)}",
            "order" => $"SO-{r.Next(100000, 999999)}",
            "version" => $"{r.Next(5, 8)}.{r.Next(0, 10)}",
            "minutes" => (5 * r.Next(2, 13)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "contact" => $"{r.Pick(People.NameBank.EnglishFirst)} {r.Pick(People.NameBank.EnglishLast)}",
            "contact_zh" => r.Pick(People.NameBank.ChineseSurnames).Hanzi + r.Pick(ContactTitles),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown placeholder."),
        };
        _values[key] = value;
        return value;
    }
}
