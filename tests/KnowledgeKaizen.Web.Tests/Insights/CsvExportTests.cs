using KnowledgeKaizen.Web.Insights;

namespace KnowledgeKaizen.Web.Tests.Insights;

public sealed class CsvExportTests
{
    private static string Csv(params MetricValue[] row) =>
        Encoding.UTF8.GetString(CsvExport.Write(new MetricTable("t", "T", ["a", "b"], [row]))).TrimStart('\uFEFF');

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("plain, with comma", "\"plain, with comma\"")]
    public void TextCells_ThatCouldRunAsFormulas_AreNeutralised(string text, string expected)
    {
        var line = Csv(MetricValue.Text(text), MetricValue.Count(1)).Split("\r\n")[1];

        Assert.Equal(expected + ",1", line);
    }

    [Fact]
    public void Numbers_StayNumbers_EvenWhenNegative()
    {
        var line = Csv(MetricValue.Text("Change"), MetricValue.Of(-0.125, CellFormat.Percent)).Split("\r\n")[1];

        Assert.Equal("Change,-0.125", line);
    }
}
