namespace KnowledgeKaizen.Search.Tests.Lexicon;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("ＫＰＩ　２０２５", "KPI 2025")]
    [InlineData("ｓａｌｅｓ－ｆｕｎｎｅｌ", "sales-funnel")]
    [InlineData("ＳＤＣＡ循环", "SDCA循环")]
    [InlineData("ﬁnal ①", "final 1")]
    [InlineData("半角ｶﾀｶﾅ", "半角カタカナ")]
    public void Fold_CompatibilityForms_BecomeTheirPlainForms(string written, string folded) =>
        Assert.Equal(folded, TextFolding.Fold(written));

    [Theory]
    [InlineData("客戶滿意度調查", "客户满意度调查")]
    [InlineData("銷售漏斗與報價單", "销售漏斗与报价单")]
    [InlineData("標準作業流程", "标准作业流程")]
    [InlineData("臺灣分公司的發票", "台湾分公司的发票")]
    [InlineData("裏面", "里面")]
    public void Fold_TraditionalCharacters_BecomeSimplified(string traditional, string simplified) =>
        Assert.Equal(simplified, TextFolding.Fold(traditional));

    [Theory]
    [InlineData("客户满意度调查")]
    [InlineData("Quote within 24 hours")]
    public void Fold_TextAlreadyPlain_IsReturnedAsItIs(string text) =>
        Assert.Same(text, TextFolding.Fold(text));

    [Fact]
    public void Fold_KeepsOneCharacterForOneInChineseAndFullWidthText()
    {
        const string written = "ＰＯＣ試用期間，客戶回報３個問題";

        Assert.Equal(written.Length, TextFolding.Fold(written).Length);
    }

    [Fact]
    public void Key_IgnoresCaseWidthScriptAndSpacing() =>
        Assert.Equal(TextFolding.Key("  Conversion   RATE 轉化率"), TextFolding.Key("ｃｏｎｖｅｒｓｉｏｎ rate 转化率"));

    [Fact]
    public void Fingerprint_IgnoresNumbersCasePunctuationAndScript()
    {
        Assert.Equal(TextFolding.Fingerprint("Order SO-1207 is 5 days late!"), TextFolding.Fingerprint("order SO-88 is 12 days late"));
        Assert.Equal(TextFolding.Fingerprint("發票金額錯誤"), TextFolding.Fingerprint("发票金额错误。"));
        Assert.NotEqual(TextFolding.Fingerprint("Order is late"), TextFolding.Fingerprint("Order is lost"));
        Assert.Null(TextFolding.Fingerprint("12:30 — 45%"));
    }
}
