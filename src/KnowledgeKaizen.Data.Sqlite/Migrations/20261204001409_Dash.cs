using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeKaizen.Data.Sqlite.Migrations
{
    /// <summary>The metric data version and its triggers (<see cref="MetricDataVersionSchema"/>); no change to the EF model.</summary>
    public partial class Dash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            MetricDataVersionSchema.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            MetricDataVersionSchema.Drop(migrationBuilder);
        }
    }
}
