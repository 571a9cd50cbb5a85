using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ErpSync.Engine.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ImportParentCompaniesAndRecordVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ParentCompaniesCreated",
                table: "ImportJobs",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ParentCompaniesCreated",
                table: "ImportJobs");
        }
    }
}
