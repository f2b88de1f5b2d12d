using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeKaizen.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ModuleSplit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PerformanceFindings");

            migrationBuilder.DropTable(
                name: "PerformanceSnapshots");

            migrationBuilder.RenameColumn(
                name: "StoredPath",
                table: "Imports",
                newName: "StoredFile");

            migrationBuilder.CreateTable(
                name: "FindingSnapshots",
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
                    table.PrimaryKey("PK_FindingSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PerformerFindings",
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
                    table.PrimaryKey("PK_PerformerFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PerformerFindings_FindingSnapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "FindingSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FindingSnapshots_ComputedAt",
                table: "FindingSnapshots",
                column: "ComputedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PerformerFindings_SnapshotId_Class",
                table: "PerformerFindings",
                columns: new[] { "SnapshotId", "Class" });

            migrationBuilder.CreateIndex(
                name: "IX_PerformerFindings_SnapshotId_RepId_Stage",
                table: "PerformerFindings",
                columns: new[] { "SnapshotId", "RepId", "Stage" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PerformerFindings");

            migrationBuilder.DropTable(
                name: "FindingSnapshots");

            migrationBuilder.RenameColumn(
                name: "StoredFile",
                table: "Imports",
                newName: "StoredPath");

            migrationBuilder.CreateTable(
                name: "PerformanceSnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EstimatedCoachingFdr = table.Column<double>(type: "REAL", nullable: false),
                    EstimatedStandoutFdr = table.Column<double>(type: "REAL", nullable: false),
                    ModelVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    OptionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    StagesJson = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PerformanceSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PerformanceFindings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Class = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ExplanationJson = table.Column<string>(type: "TEXT", nullable: false),
                    InsufficientReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RepId = table.Column<long>(type: "INTEGER", nullable: false),
                    RepName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SelectedAtFdr = table.Column<bool>(type: "INTEGER", nullable: false),
                    SnapshotId = table.Column<long>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
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
        }
    }
}
