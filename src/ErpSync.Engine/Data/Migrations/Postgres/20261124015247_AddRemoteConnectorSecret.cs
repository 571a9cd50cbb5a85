using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ErpSync.Engine.Data.Migrations.Postgres
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
                type: "character varying(4000)",
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
