using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeKaizen.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Improvement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DocumentViews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentViews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImprovementCycles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Team = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProblemCollector = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Analyst = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ResultsManager = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    MetricKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MetricStage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    MetricTeam = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DefinitionVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    BaselineValue = table.Column<double>(type: "REAL", nullable: true),
                    BaselineSample = table.Column<long>(type: "INTEGER", nullable: false),
                    BaselineFrom = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BaselineTo = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TargetValue = table.Column<double>(type: "REAL", nullable: false),
                    RolloutDate = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CheckDate = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PhaseChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ParentCycleId = table.Column<int>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AdaptNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    LastCheck_Verdict = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    LastCheck_Before = table.Column<double>(type: "REAL", nullable: true),
                    LastCheck_After = table.Column<double>(type: "REAL", nullable: true),
                    LastCheck_BeforeSample = table.Column<long>(type: "INTEGER", nullable: true),
                    LastCheck_AfterSample = table.Column<long>(type: "INTEGER", nullable: true),
                    LastCheck_Effect = table.Column<double>(type: "REAL", nullable: true),
                    LastCheck_Low = table.Column<double>(type: "REAL", nullable: true),
                    LastCheck_High = table.Column<double>(type: "REAL", nullable: true),
                    LastCheck_PValue = table.Column<double>(type: "REAL", nullable: true),
                    LastCheck_AdopterEffect = table.Column<double>(type: "REAL", nullable: true),
                    LastCheck_ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImprovementCycles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImprovementCycles_ImprovementCycles_ParentCycleId",
                        column: x => x.ParentCycleId,
                        principalTable: "ImprovementCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Kudos",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FromUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    FromName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ToUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    GivenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Kudos", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlaybookApplications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AppliedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaybookApplications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProblemClusters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TopTerms = table.Column<string>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    MonthlyCounts = table.Column<string>(type: "TEXT", nullable: false),
                    Examples = table.Column<string>(type: "TEXT", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: true),
                    SolutionId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProblemClusters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImprovementCycleLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LinkedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImprovementCycleLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImprovementCycleLinks_ImprovementCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "ImprovementCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentViews_Day",
                table: "DocumentViews",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentViews_DocumentId_UserId_Day",
                table: "DocumentViews",
                columns: new[] { "DocumentId", "UserId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementCycleLinks_CycleId",
                table: "ImprovementCycleLinks",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementCycleLinks_Kind_TargetId",
                table: "ImprovementCycleLinks",
                columns: new[] { "Kind", "TargetId" });

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementCycles_ParentCycleId",
                table: "ImprovementCycles",
                column: "ParentCycleId");

            migrationBuilder.CreateIndex(
                name: "IX_ImprovementCycles_Phase",
                table: "ImprovementCycles",
                column: "Phase");

            migrationBuilder.CreateIndex(
                name: "IX_Kudos_FromUserId_ToUserId_Day",
                table: "Kudos",
                columns: new[] { "FromUserId", "ToUserId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Kudos_ToUserId",
                table: "Kudos",
                column: "ToUserId");

            migrationBuilder.CreateIndex(
                name: "IX_PlaybookApplications_AppliedAt",
                table: "PlaybookApplications",
                column: "AppliedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PlaybookApplications_DocumentId_UserId",
                table: "PlaybookApplications",
                columns: new[] { "DocumentId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProblemClusters_RunId",
                table: "ProblemClusters",
                column: "RunId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentViews");

            migrationBuilder.DropTable(
                name: "ImprovementCycleLinks");

            migrationBuilder.DropTable(
                name: "Kudos");

            migrationBuilder.DropTable(
                name: "PlaybookApplications");

            migrationBuilder.DropTable(
                name: "ProblemClusters");

            migrationBuilder.DropTable(
                name: "ImprovementCycles");
        }
    }
}
