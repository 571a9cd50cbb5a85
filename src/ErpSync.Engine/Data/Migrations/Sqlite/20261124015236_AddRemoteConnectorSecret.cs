using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ErpSync.Engine.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddRemoteConnectorSecret : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProtectedSecret",
                table: "Connectors",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProtectedSecret",
                table: "Connectors");
        }
    }
}
