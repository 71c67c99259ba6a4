using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AidDirectory.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReportPrefixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "JoinedReports",
                table: "Submissions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "OverLimit",
                table: "Submissions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "ReporterKeyDay",
                table: "Submissions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReporterTag",
                table: "Submissions",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReportKeys",
                columns: table => new
                {
                    StartDay = table.Column<int>(type: "integer", nullable: false),
                    Secret = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportKeys", x => x.StartDay);
                });

            migrationBuilder.CreateTable(
                name: "SpentReportTokens",
                columns: table => new
                {
                    Nonce = table.Column<Guid>(type: "uuid", nullable: false),
                    SpentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpentReportTokens", x => x.Nonce);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_ReporterKeyDay",
                table: "Submissions",
                column: "ReporterKeyDay");

            migrationBuilder.CreateIndex(
                name: "IX_SpentReportTokens_SpentAt",
                table: "SpentReportTokens",
                column: "SpentAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportKeys");

            migrationBuilder.DropTable(
                name: "SpentReportTokens");

            migrationBuilder.DropIndex(
                name: "IX_Submissions_ReporterKeyDay",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "JoinedReports",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "OverLimit",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "ReporterKeyDay",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "ReporterTag",
                table: "Submissions");
        }
    }
}
