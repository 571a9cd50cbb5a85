using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ErpSync.Engine.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SyncIssueLinkIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SyncIssues_LinkId",
                table: "SyncIssues",
                column: "LinkId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SyncIssues_LinkId",
                table: "SyncIssues");
        }
    }
}
