using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeKaizen.Data.PostgreSql.Migrations
{
    /// <summary>
    /// The aggregates' change functions list a write's months even when they are listed already (see
    /// <see cref="MetricFactsSchema"/>): a write open while a refresh step took its month off the list lost the month.
    /// </summary>
    public partial class ListMonthsOnEveryWrite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var function in MetricFactsSchema.Functions())
            {
                migrationBuilder.Sql(function);
            }
        }

        /// <inheritdoc />
        /// <remarks>The functions Up installs also serve the schema before it: listing a month twice changes no figure.</remarks>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
