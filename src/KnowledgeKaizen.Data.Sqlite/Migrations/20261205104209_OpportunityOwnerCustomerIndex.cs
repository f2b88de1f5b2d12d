using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeKaizen.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OpportunityOwnerCustomerIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Opportunities_OwnerId",
                table: "Opportunities");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_OwnerId_CustomerId",
                table: "Opportunities",
                columns: new[] { "OwnerId", "CustomerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Opportunities_OwnerId_CustomerId",
                table: "Opportunities");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_OwnerId",
                table: "Opportunities",
                column: "OwnerId");
        }
    }
}
