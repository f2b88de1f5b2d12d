using System.Security.Cryptography;

namespace KnowledgeKaizen.SeedGenerator.Tests;

public class DeterminismTests
{
    private static string Hash(string folder)
    {
        using var sha = SHA256.Create();
        foreach (var file in DemoDataGenerator.Files.Append(DemoDataGenerator.TruthFile))
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, file));
            sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
        }

        sha.TransformFinalBlock([], 0, 0);
        return Convert.ToHexString(sha.Hash!);
    }

    [Fact]
    public void SameSeed_ProducesByteIdenticalFiles()
    {
        var first = SeedFixture.Generate(SeedFixture.Small());
        var second = SeedFixture.Generate(SeedFixture.Small());

        Assert.Equal(Hash(first), Hash(second));
    }

    [Fact]
    public void DifferentSeed_ProducesDifferentFiles()
    {
        var first = SeedFixture.Generate(SeedFixture.Small(11));
        var second = SeedFixture.Generate(SeedFixture.Small(12));

        Assert.NotEqual(Hash(first), Hash(second));
    }

    [Fact]
    public void Options_WithRepsNotDivisibleByRegion_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => new DemoDataGenerator(SeedFixture.Small() with { SalesReps = 18 }));
    }
}
