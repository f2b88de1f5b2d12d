using KnowledgeKaizen.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnowledgeKaizen.Data.PostgreSql.Migrations
{
    /// <summary>
    /// The Quartz.NET job store's tables (<see cref="QuartzSchema"/>), for jobs across instances; PostgreSQL only (SQLite runs
    /// jobs in-process) and no change to the EF model, hence no target model of its own.
    /// </summary>
    [DbContext(typeof(KnowledgeKaizenDbContext))]
    [Migration("20261204180000_QuartzSchema")]
    public partial class QuartzSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in PostgreSql.QuartzSchema.Create())
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in PostgreSql.QuartzSchema.Drop())
            {
                migrationBuilder.Sql(statement);
            }
        }
    }
}
