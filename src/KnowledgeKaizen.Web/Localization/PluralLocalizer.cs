namespace KnowledgeKaizen.Web.Localization;

/// <summary>English says "1 reader" and "2 readers"; Chinese has one form. Both keys are translated (a test checks them).</summary>
public static class PluralLocalizer
{
    /// <summary><paramref name="one"/> or <paramref name="other"/> by <paramref name="count"/>, with the count (grouped) as {0}.</summary>
    public static LocalizedString Plural(this IStringLocalizer l, long count, string one, string other) =>
        l[count == 1 ? one : other, count.ToString("N0", CultureInfo.CurrentCulture)];
}
