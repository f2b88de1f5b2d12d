using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeKaizen.Data.Sqlite.Migrations
{
    /// <summary>
    /// Covering indexes for the Insights dashboards: each starts with the column a dashboard's time rule
    /// filters on (entered, occurred, opened, received, closed, expected close) and carries the columns the
    /// aggregates read, so a period scan never touches the table. Raw SQL because the CRM entities' mappings
    /// belong to the ingestion feature; SQLite maintains the indexes on every insert, so imports keep them correct.
    /// </summary>
    public partial class MetricsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS \"IX_StageHistory_Metrics\" ON \"StageHistory\" (\"EnteredAt\", \"StageId\", \"RepId\", \"Outcome\", \"LeftAt\", \"OpportunityId\");");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS \"IX_Activities_Metrics\" ON \"Activities\" (\"OccurredAt\", \"Type\", \"RepId\", \"OpportunityId\", \"Cost\", \"Amount\");");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS \"IX_Activities_Quotes\" ON \"Activities\" (\"Type\", \"OccurredAt\", \"Amount\", \"OpportunityId\", \"RepId\");");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS \"IX_ServiceCases_Metrics\" ON \"ServiceCases\" (\"OpenedAt\", \"Channel\", \"Category\", \"FirstResponseAt\", \"ResolvedAt\", \"Satisfaction\", \"Cost\", \"AgentId\", \"CustomerId\");");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS \"IX_Opportunities_Closed\" ON \"Opportunities\" (\"ClosedAt\", \"Outcome\", \"FinalAmount\", \"CollectedAmount\", \"CreatedAt\", \"OwnerId\", \"Industry\", \"Source\");");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS \"IX_Opportunities_Expected\" ON \"Opportunities\" (\"ExpectedCloseAt\", \"ForecastAmount\", \"OwnerId\", \"Industry\", \"Source\");");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS \"IX_Feedback_Metrics\" ON \"Feedback\" (\"ReceivedAt\", \"Type\", \"Channel\", \"Category\", \"ResolvedAt\", \"HandledById\", \"CustomerId\");");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS \"IX_Customers_CreatedAt\" ON \"Customers\" (\"CreatedAt\", \"Industry\", \"Region\");");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS \"IX_Customers_ChurnedAt\" ON \"Customers\" (\"ChurnedAt\", \"Industry\", \"Region\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_StageHistory_Metrics\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Activities_Metrics\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Activities_Quotes\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_ServiceCases_Metrics\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Opportunities_Closed\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Opportunities_Expected\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Feedback_Metrics\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Customers_CreatedAt\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Customers_ChurnedAt\";");
        }
    }
}
