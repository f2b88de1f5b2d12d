using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeKaizen.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PerformanceFindings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaptureRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SnapshotId = table.Column<long>(type: "INTEGER", nullable: false),
                    RepId = table.Column<long>(type: "INTEGER", nullable: false),
                    RepName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RepUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EvidenceMarkdown = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PlaybookId = table.Column<int>(type: "INTEGER", nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaptureRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PerformanceSnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ModelVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OptionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    StagesJson = table.Column<string>(type: "TEXT", nullable: false),
                    EstimatedStandoutFdr = table.Column<double>(type: "REAL", nullable: false),
                    EstimatedCoachingFdr = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PerformanceSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UserTasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PerformanceFindings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SnapshotId = table.Column<long>(type: "INTEGER", nullable: false),
                    RepId = table.Column<long>(type: "INTEGER", nullable: false),
                    RepName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Class = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    SelectedAtFdr = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExplanationJson = table.Column<string>(type: "TEXT", nullable: false),
                    InsufficientReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Figures_Advanced = table.Column<int>(type: "INTEGER", nullable: false),
                    Figures_Effect = table.Column<double>(type: "REAL", nullable: false),
                    Figures_EffectHigh = table.Column<double>(type: "REAL", nullable: false),
                    Figures_EffectLow = table.Column<double>(type: "REAL", nullable: false),
                    Figures_Entries = table.Column<int>(type: "INTEGER", nullable: false),
                    Figures_Expected = table.Column<double>(type: "REAL", nullable: false),
                    Figures_ExpectedRate = table.Column<double>(type: "REAL", nullable: false),
                    Figures_Lift = table.Column<double>(type: "REAL", nullable: false),
                    Figures_ProbabilityCoaching = table.Column<double>(type: "REAL", nullable: false),
                    Figures_ProbabilityStandout = table.Column<double>(type: "REAL", nullable: false),
                    Figures_RateHigh = table.Column<double>(type: "REAL", nullable: false),
                    Figures_RateLow = table.Column<double>(type: "REAL", nullable: false),
                    Figures_RawRate = table.Column<double>(type: "REAL", nullable: false),
                    Figures_ShrunkRate = table.Column<double>(type: "REAL", nullable: false),
                    Figures_ShrunkRateOnCompanyMix = table.Column<double>(type: "REAL", nullable: false),
                    Figures_ZScore = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PerformanceFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PerformanceFindings_PerformanceSnapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "PerformanceSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaptureRequests_RepId_Stage_Status",
                table: "CaptureRequests",
                columns: new[] { "RepId", "Stage", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CaptureRequests_RepUserId",
                table: "CaptureRequests",
                column: "RepUserId");

            migrationBuilder.CreateIndex(
                name: "IX_PerformanceFindings_SnapshotId_Class",
                table: "PerformanceFindings",
                columns: new[] { "SnapshotId", "Class" });

            migrationBuilder.CreateIndex(
                name: "IX_PerformanceFindings_SnapshotId_RepId_Stage",
                table: "PerformanceFindings",
                columns: new[] { "SnapshotId", "RepId", "Stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PerformanceSnapshots_ComputedAt",
                table: "PerformanceSnapshots",
                column: "ComputedAt");

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_UserId_ReadAt",
                table: "UserTasks",
                columns: new[] { "UserId", "ReadAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaptureRequests");

            migrationBuilder.DropTable(
                name: "PerformanceFindings");

            migrationBuilder.DropTable(
                name: "UserTasks");

            migrationBuilder.DropTable(
                name: "PerformanceSnapshots");
        }
    }
}
