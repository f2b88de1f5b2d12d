namespace KnowledgeKaizen.Search.Tests.Lexicon;

public sealed class PinyinTests
{
    [Theory]
    [InlineData("客户拜访", "ke hu bai fang")]
    [InlineData("银行回款", "yin hang hui kuan")]
    [InlineData("效率", "xiao lv")]
    [InlineData("會議紀要", "hui yi ji yao")]
    public void Of_ReadsEachCharacter_WordsAsWords(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', Pinyin.Of(text)));

    [Fact]
    public void Of_NonChineseCharacters_HaveNoReading() =>
        Assert.Equal(["", "", "", "bao", "jia"], Pinyin.Of("CRM报价").Select(r => r ?? ""));

    [Theory]
    [InlineData("Xiāo Shòu", "xiaoshou")]
    [InlineData("xiao3 shou4", "xiaoshou")]
    [InlineData("nǚ'ér", "nver")]
    [InlineData("lu:e", "lve")]
    [InlineData("ｚｈｌ", "zhl")]
    public void Typed_DropsTonesSpacesAndApostrophes(string typed, string letters) =>
        Assert.Equal(letters, Pinyin.Typed(typed));

    [Theory]
    [InlineData("销售")]
    [InlineData("c++")]
    [InlineData("  ")]
    public void Typed_AnythingButLetters_IsNotPinyin(string typed) => Assert.Null(Pinyin.Typed(typed));

    [Theory]
    [InlineData("kehu", 2)]
    [InlineData("xiaoshoujihui", 4)]
    [InlineData("price", 0)]
    [InlineData("objection", 0)]
    [InlineData("zhl", 0)]
    public void SyllableCount_SplitsPinyinOnly(string letters, int syllables) =>
        Assert.Equal(syllables, Pinyin.SyllableCount(letters));
}
