using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ErpSync.Engine.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MappingConfiguration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AskUser",
                table: "FieldMappings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ConflictPolicy",
                table: "FieldMappings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DefaultMandatory",
                table: "FieldMappings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "DefaultValueJson",
                table: "FieldMappings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DutchName",
                table: "FieldMappings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DutchTooltip",
                table: "FieldMappings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HasDefault",
                table: "FieldMappings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "DutchDisplayName",
                table: "ActorTypeMappings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ListItemMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FieldMappingId = table.Column<int>(type: "INTEGER", nullable: false),
                    ErpItemKey = table.Column<string>(type: "TEXT", nullable: false),
                    CrmListItemId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListItemMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ListItemMappings_FieldMappings_FieldMappingId",
                        column: x => x.FieldMappingId,
                        principalTable: "FieldMappings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ListItemMappings_ListItems_CrmListItemId",
                        column: x => x.CrmListItemId,
                        principalTable: "ListItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "SyncSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    PriorityOrder = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncSettings", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "SyncSettings",
                columns: new[] { "Id", "PriorityOrder" },
                values: new object[] { 1, "0" });

            migrationBuilder.CreateIndex(
                name: "IX_ListItemMappings_CrmListItemId",
                table: "ListItemMappings",
                column: "CrmListItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ListItemMappings_FieldMappingId_ErpItemKey",
                table: "ListItemMappings",
                columns: new[] { "FieldMappingId", "ErpItemKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ListItemMappings");

            migrationBuilder.DropTable(
                name: "SyncSettings");

            migrationBuilder.DropColumn(
                name: "AskUser",
                table: "FieldMappings");

            migrationBuilder.DropColumn(
                name: "ConflictPolicy",
                table: "FieldMappings");

            migrationBuilder.DropColumn(
                name: "DefaultMandatory",
                table: "FieldMappings");

            migrationBuilder.DropColumn(
                name: "DefaultValueJson",
                table: "FieldMappings");

            migrationBuilder.DropColumn(
                name: "DutchName",
                table: "FieldMappings");

            migrationBuilder.DropColumn(
                name: "DutchTooltip",
                table: "FieldMappings");

            migrationBuilder.DropColumn(
                name: "HasDefault",
                table: "FieldMappings");

            migrationBuilder.DropColumn(
                name: "DutchDisplayName",
                table: "ActorTypeMappings");
        }
    }
}
