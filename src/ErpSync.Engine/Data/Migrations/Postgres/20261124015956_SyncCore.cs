using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ErpSync.Engine.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SyncCore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AutomaticSync",
                table: "SyncSettings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "IntervalSeconds",
                table: "SyncSettings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "CrmSequenceSeen",
                table: "Connections",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "ErpCursorsJson",
                table: "Connections",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastRunAt",
                table: "Connections",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PausedReason",
                table: "Connections",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Links",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConnectionId = table.Column<int>(type: "integer", nullable: false),
                    CrmEntity = table.Column<int>(type: "integer", nullable: false),
                    CrmRecordId = table.Column<int>(type: "integer", nullable: false),
                    ActorType = table.Column<int>(type: "integer", nullable: false),
                    ErpKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ErpVersion = table.Column<string>(type: "text", nullable: true),
                    CrmChangeSeq = table.Column<long>(type: "bigint", nullable: false),
                    BaseJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSyncedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Links_Connections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "Connections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutboxIntents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConnectionId = table.Column<int>(type: "integer", nullable: false),
                    CrmEntity = table.Column<int>(type: "integer", nullable: false),
                    CrmRecordId = table.Column<int>(type: "integer", nullable: false),
                    ActorType = table.Column<int>(type: "integer", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "text", nullable: false),
                    PayloadJson = table.Column<string>(type: "text", nullable: false),
                    ParentKey = table.Column<string>(type: "text", nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    ErpKey = table.Column<string>(type: "text", nullable: true),
                    Error = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxIntents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboxIntents_Connections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "Connections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SyncIssues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConnectionId = table.Column<int>(type: "integer", nullable: false),
                    LinkId = table.Column<int>(type: "integer", nullable: true),
                    CrmEntity = table.Column<int>(type: "integer", nullable: true),
                    CrmRecordId = table.Column<int>(type: "integer", nullable: true),
                    ActorType = table.Column<int>(type: "integer", nullable: false),
                    ErpKey = table.Column<string>(type: "text", nullable: true),
                    Class = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "text", nullable: false),
                    DetailJson = table.Column<string>(type: "text", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextRetryAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncIssues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SyncIssues_Connections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "Connections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SyncLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<int>(type: "integer", nullable: true),
                    ConnectionId = table.Column<int>(type: "integer", nullable: false),
                    LinkId = table.Column<int>(type: "integer", nullable: true),
                    CrmEntity = table.Column<int>(type: "integer", nullable: false),
                    CrmRecordId = table.Column<int>(type: "integer", nullable: false),
                    ErpKey = table.Column<string>(type: "text", nullable: false),
                    FieldKey = table.Column<string>(type: "text", nullable: false),
                    CrmField = table.Column<string>(type: "text", nullable: true),
                    TargetIsCrm = table.Column<bool>(type: "boolean", nullable: false),
                    OldValue = table.Column<string>(type: "text", nullable: true),
                    NewValue = table.Column<string>(type: "text", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SyncLog_Connections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "Connections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SyncRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConnectionId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ErpChangesRead = table.Column<int>(type: "integer", nullable: false),
                    CrmChangesRead = table.Column<int>(type: "integer", nullable: false),
                    CrmWrites = table.Column<int>(type: "integer", nullable: false),
                    ErpWrites = table.Column<int>(type: "integer", nullable: false),
                    IssuesRaised = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SyncRuns_Connections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "Connections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.UpdateData(
                table: "SyncSettings",
                keyColumn: "Id",
                keyValue: 1,
                columns: new[] { "AutomaticSync", "IntervalSeconds" },
                values: new object[] { true, 300 });

            migrationBuilder.CreateIndex(
                name: "IX_Links_ConnectionId_ActorType_ErpKey",
                table: "Links",
                columns: new[] { "ConnectionId", "ActorType", "ErpKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Links_ConnectionId_CrmEntity_CrmRecordId",
                table: "Links",
                columns: new[] { "ConnectionId", "CrmEntity", "CrmRecordId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Links_CrmEntity_CrmRecordId",
                table: "Links",
                columns: new[] { "CrmEntity", "CrmRecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxIntents_ConnectionId_State",
                table: "OutboxIntents",
                columns: new[] { "ConnectionId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxIntents_IdempotencyKey",
                table: "OutboxIntents",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SyncIssues_ConnectionId_ResolvedAt",
                table: "SyncIssues",
                columns: new[] { "ConnectionId", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SyncIssues_CrmEntity_CrmRecordId",
                table: "SyncIssues",
                columns: new[] { "CrmEntity", "CrmRecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_SyncLog_ConnectionId_At",
                table: "SyncLog",
                columns: new[] { "ConnectionId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SyncLog_CrmEntity_CrmRecordId",
                table: "SyncLog",
                columns: new[] { "CrmEntity", "CrmRecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_SyncRuns_ConnectionId_StartedAt",
                table: "SyncRuns",
                columns: new[] { "ConnectionId", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Links");

            migrationBuilder.DropTable(
                name: "OutboxIntents");

            migrationBuilder.DropTable(
                name: "SyncIssues");

            migrationBuilder.DropTable(
                name: "SyncLog");

            migrationBuilder.DropTable(
                name: "SyncRuns");

            migrationBuilder.DropColumn(
                name: "AutomaticSync",
                table: "SyncSettings");

            migrationBuilder.DropColumn(
                name: "IntervalSeconds",
                table: "SyncSettings");

            migrationBuilder.DropColumn(
                name: "CrmSequenceSeen",
                table: "Connections");

            migrationBuilder.DropColumn(
                name: "ErpCursorsJson",
                table: "Connections");

            migrationBuilder.DropColumn(
                name: "LastRunAt",
                table: "Connections");

            migrationBuilder.DropColumn(
                name: "PausedReason",
                table: "Connections");
        }
    }
}
