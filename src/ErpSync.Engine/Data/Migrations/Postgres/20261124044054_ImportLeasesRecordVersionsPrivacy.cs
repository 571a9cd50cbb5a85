using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ErpSync.Engine.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ImportLeasesRecordVersionsPrivacy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PrivacyBasis",
                table: "Persons",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PrivacyRecordedAt",
                table: "Persons",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PrivacySource",
                table: "Persons",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LeaseUntil",
                table: "ImportJobs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Node",
                table: "ImportJobs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

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
                name: "PrivacyBasis",
                table: "Persons");

            migrationBuilder.DropColumn(
                name: "PrivacyRecordedAt",
                table: "Persons");

            migrationBuilder.DropColumn(
                name: "PrivacySource",
                table: "Persons");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "ImportJobs");

            migrationBuilder.DropColumn(
                name: "Node",
                table: "ImportJobs");

            migrationBuilder.DropColumn(
                name: "ParentCompaniesCreated",
                table: "ImportJobs");
        }
    }
}
