namespace KnowledgeKaizen.Search.Text;

/// <summary>Guesses "zh" or "en" from the share of CJK characters, and tells whether text needs Chinese analysis.</summary>
internal static class LanguageDetector
{
    public const string English = "en";
    public const string Chinese = "zh";

    /// <summary>
    /// A Chinese character carries about as much as a short English word, so CJK characters are weighed
    /// against Latin letters / 4; text is Chinese when CJK makes up at least 30 % of that total.
    /// </summary>
    public static string Detect(string text)
    {
        int cjk = 0, latin = 0;
        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                cjk++;
            }
            else if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'))
            {
                latin++;
            }
        }

        return cjk > 0 && cjk >= 0.3 * (cjk + (latin / 4.0)) ? Chinese : English;
    }

    public static bool ContainsCjk(string text)
    {
        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsCjk(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');
}
