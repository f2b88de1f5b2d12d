using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeKaizen.Data.Sqlite.Migrations
{
    /// <summary>
    /// Drops the single-column indexes on StageHistory's stage and rep: six stages and a few dozen reps make
    /// them too unselective to help a query (the planner reads by period through IX_StageHistory_Metrics),
    /// stages and reps are never deleted, and each one cost a fifth of a million-row import's index rebuild.
    /// </summary>
    public partial class StageHistoryLowCardinalityIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StageHistory_RepId",
                table: "StageHistory");

            migrationBuilder.DropIndex(
                name: "IX_StageHistory_StageId",
                table: "StageHistory");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_StageHistory_RepId",
                table: "StageHistory",
                column: "RepId");

            migrationBuilder.CreateIndex(
                name: "IX_StageHistory_StageId",
                table: "StageHistory",
                column: "StageId");
        }
    }
}
