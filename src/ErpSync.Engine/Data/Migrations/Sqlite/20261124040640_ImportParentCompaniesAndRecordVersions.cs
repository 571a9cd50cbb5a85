using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ErpSync.Engine.Data.Migrations.Sqlite
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
                type: "INTEGER",
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
