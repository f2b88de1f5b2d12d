namespace KnowledgeKaizen.Core.Tests.Ingestion;

public sealed class FirstLinesTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryRepeatIsFound_WithTheLineOfItsFirstOccurrence(bool presized)
    {
        var seen = new FirstLines();
        if (presized)
        {
            seen.EnsureCapacity(100_000);
        }

        for (var i = 0; i < 100_000; i++)
        {
            Assert.True(seen.TryAdd($"sh-{i:D7}", i + 2, out _));
        }

        for (var i = 0; i < 100_000; i += 997)
        {
            Assert.False(seen.TryAdd($"sh-{i:D7}", 200_000 + i, out var first));
            Assert.Equal(i + 2, first);
        }
    }

    [Fact]
    public void KeysDifferingOnlyInCaseOrOneCharacter_AreDistinct()
    {
        var seen = new FirstLines();

        Assert.True(seen.TryAdd("ABC-1", 2, out _));
        Assert.True(seen.TryAdd("abc-1", 3, out _));
        Assert.True(seen.TryAdd("ABC-2", 4, out _));
        Assert.True(seen.TryAdd("客户-1", 5, out _));
        Assert.False(seen.TryAdd("客户-1", 6, out var first));
        Assert.Equal(5, first);
    }
}
