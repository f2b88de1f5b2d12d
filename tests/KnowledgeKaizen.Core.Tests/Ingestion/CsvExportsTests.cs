using System.Text;
using KnowledgeKaizen.Core.Ingestion;

namespace KnowledgeKaizen.Core.Tests.Ingestion;

public sealed class CsvExportsTests
{
    [Fact]
    public void FormulaCells_AreEscapedSoSpreadsheetsShowThemAsText()
    {
        using var buffer = new MemoryStream();
        CsvExports.WriteRows(buffer, ["text"], [["=HYPERLINK(\"http://evil\",\"x\")"], ["+1"], ["plain 中文 👍"]]);

        var csv = Encoding.UTF8.GetString(buffer.ToArray()).TrimStart('\uFEFF');

        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.Contains("'+1", csv, StringComparison.Ordinal);
        Assert.Contains("plain 中文 👍", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_IsTheHeaderOfTheKind()
    {
        using var buffer = new MemoryStream();
        CsvExports.WriteTemplate(buffer, ImportKind.Stages);
        Assert.Equal("code,name,name_zh,position", Encoding.UTF8.GetString(buffer.ToArray()).TrimStart('\uFEFF').TrimEnd());
    }
}
