using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeKaizen.Data.PostgreSql.Migrations
{
    /// <summary>The metric data version and its triggers (<see cref="MetricDataVersionSchema"/>); no change to the EF model.</summary>
    public partial class Dash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in MetricDataVersionSchema.Create())
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in MetricDataVersionSchema.Drop())
            {
                migrationBuilder.Sql(statement);
            }
        }
    }
}
