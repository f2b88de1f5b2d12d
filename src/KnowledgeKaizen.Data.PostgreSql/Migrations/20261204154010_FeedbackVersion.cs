using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeKaizen.Data.PostgreSql.Migrations
{
    /// <summary>Feedback writes change a version of their own (<see cref="MetricDataVersionSchema.SplitFeedback"/>); no change to the EF model.</summary>
    public partial class FeedbackVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in MetricDataVersionSchema.SplitFeedback())
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in MetricDataVersionSchema.JoinFeedback())
            {
                migrationBuilder.Sql(statement);
            }
        }
    }
}
