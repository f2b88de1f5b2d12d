using KnowledgeKaizen.Search.Text;

namespace KnowledgeKaizen.Search.Tests.Text;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("在 CRM 里记录每一次电话", "zh")]
    [InlineData("Record every call in the CRM", "en")]
    [InlineData("Use the 转化率 dashboard to compare reps across all stages of the funnel", "en")]
    public void Detect_UsesTheShareOfCjk(string text, string expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text));
    }
}
