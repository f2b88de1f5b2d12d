using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeKaizen.Data.PostgreSql.Migrations
{
    /// <summary>
    /// The search outbox is read by transaction horizon on PostgreSQL (<c>PostgreSqlSearchOutboxFeed</c>): each entry
    /// records its writer's transaction id (a column the EF model does not map), and each cursor's position becomes a
    /// horizon. The ids the cursors held mean nothing as horizons, so they start again from 0: re-applying an entry
    /// changes nothing.
    /// </summary>
    public partial class OutboxPosition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "LastAppliedId",
                table: "SearchIndexCursors",
                newName: "Position");
            migrationBuilder.Sql(
                """ALTER TABLE "SearchOutbox" ADD COLUMN "TransactionId" bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint);""");
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchOutbox_TransactionId_Id" ON "SearchOutbox" ("TransactionId", "Id");""");
            migrationBuilder.Sql("""UPDATE "SearchIndexCursors" SET "Position" = 0;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "SearchOutbox" DROP COLUMN "TransactionId";""");
            migrationBuilder.Sql("""UPDATE "SearchIndexCursors" SET "Position" = 0;""");
            migrationBuilder.RenameColumn(
                name: "Position",
                table: "SearchIndexCursors",
                newName: "LastAppliedId");
        }
    }
}
