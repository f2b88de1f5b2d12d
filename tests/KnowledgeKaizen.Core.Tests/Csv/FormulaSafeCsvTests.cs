using KnowledgeKaizen.Core.Csv;

namespace KnowledgeKaizen.Core.Tests.Csv;

public sealed class FormulaSafeCsvTests
{
    private static string Text(byte[] csv) => Encoding.UTF8.GetString(csv).TrimStart('\uFEFF');

    [Fact]
    public void FormulaCells_AreEscapedSoSpreadsheetsShowThemAsText()
    {
        var csv = Text(FormulaSafeCsv.Write(["text"], [[CsvCell.Text("=HYPERLINK(\"http://evil\",\"x\")")], [CsvCell.Text("+1")], [CsvCell.Text("plain 中文 👍")]]));

        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.Contains("'+1", csv, StringComparison.Ordinal);
        Assert.Contains("plain 中文 👍", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_AreNotEscaped_AndEveryFileStartsWithABom()
    {
        var csv = FormulaSafeCsv.Write(["n"], [[CsvCell.Number("-3.5")]]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        Assert.Equal("n\r\n-3.5\r\n", Text(csv));
    }

    [Fact]
    public void Template_IsTheHeaderOfTheKind() =>
        Assert.Equal("code,name,name_zh,position", Text(CsvExports.Template(ImportKind.Stages)).TrimEnd());
}
