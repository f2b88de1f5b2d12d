using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeKaizen.Data.Sqlite.Migrations
{
    /// <summary>Feedback writes change a version of their own (<see cref="MetricDataVersionSchema.SplitFeedback"/>); no change to the EF model.</summary>
    public partial class FeedbackVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            MetricDataVersionSchema.SplitFeedback(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            MetricDataVersionSchema.JoinFeedback(migrationBuilder);
        }
    }
}
