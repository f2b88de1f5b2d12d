using static KnowledgeKaizen.Web.Tests.Ingestion.IngestionFixture;

namespace KnowledgeKaizen.Web.Tests.Ingestion;

/// <summary>
/// An import in the middle of its apply does not keep other writes out: held after its first batch (by the crash-test
/// setting), it leaves the database free between batches, so a feedback post is stored at once — and the import's
/// history entry counts exactly the rows applied so far. How long writes wait while batches run is measured by the
/// load benchmark, not asserted here.
/// </summary>
public sealed class WritesDuringImportTests(WritesDuringImportTests.HeldImportFactory factory) : IClassFixture<WritesDuringImportTests.HeldImportFactory>
{
    /// <summary>A portal whose imports stop after their first applied batch.</summary>
    public sealed class HeldImportFactory : PortalFactory
    {
        private readonly TempFolder marker = new("held-import");

        public string Marker => marker.File("held");

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["KnowledgeKaizen:Imports:HoldAt"] = nameof(ImportPhase.Applying),
            ["KnowledgeKaizen:Imports:HoldMarker"] = Marker,
        };

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                marker.Dispose();
            }
        }
    }

    [Fact]
    public async Task FeedbackPost_IsStored_WhileAnImportIsApplying()
    {
        var client = TokenClient(factory, await CreateTokenAsync(factory));

        // The basics go through a pipeline of their own: every import of this portal stops after its first batch.
        foreach (var (kind, csv) in new[] { (ImportKind.Stages, Stages), (ImportKind.Reps, Reps), (ImportKind.Customers, Customers), (ImportKind.Opportunities, Opportunities) })
        {
            Assert.True((await factory.WithDbAsync(db => new ImportPipeline(db).RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), new ImportRequest(kind, ImportFormat.Csv)))).Applied);
        }

        var history = new StringBuilder(StageHeader);
        for (var i = 0; i < 5000; i++)
        {
            history.Append(System.Globalization.CultureInfo.InvariantCulture, $"w{i},o1,qualify,r1,2024-01-10,2024-01-12,advanced\n");
        }

        var accepted = await PostCsvAsync(client, "stage-history", history.ToString(), "?background=true");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await Eventually.TrueAsync("the import to apply its first batch and stop there", () => File.Exists(factory.Marker));

        var posted = await client.PostAsJsonAsync("/api/v1/feedback", new { channel = "email", type = "complaint", text = "Invoice sent twice during the import", customer_id = "c1" });

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var (feedback, record, rows) = await factory.WithDbAsync(async db => (
            await db.Feedback.CountAsync(f => f.Text == "Invoice sent twice during the import"),
            await db.Imports.SingleAsync(r => r.Kind == ImportKind.StageHistory),
            await db.StageHistory.CountAsync()));
        Assert.Equal(1, feedback);
        Assert.Equal((ImportStatus.Applying, (long)ImportPipeline.FirstBatchRows), (record.Status, record.Inserted));
        Assert.Equal(ImportPipeline.FirstBatchRows, rows);
    }
}
