using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeKaizen.Data.PostgreSql.Migrations
{
    /// <summary>
    /// Writers stop waiting for each other on the metric bookkeeping: the data version and the aggregates' freshness flag
    /// are set as a writer commits (<see cref="MetricDataVersionSchema.AtCommit"/>), and listing a changed month takes no
    /// unique key (<see cref="MetricFactsSchema.WithoutWaits"/>). No change to the EF model; SQLite, one writer at a time,
    /// keeps its triggers.
    /// </summary>
    public partial class PgVersionAtCommit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in MetricDataVersionSchema.AtCommit().Concat(MetricFactsSchema.WithoutWaits()))
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in MetricFactsSchema.WithWaits().Concat(MetricDataVersionSchema.AtStatement()))
            {
                migrationBuilder.Sql(statement);
            }
        }
    }
}
