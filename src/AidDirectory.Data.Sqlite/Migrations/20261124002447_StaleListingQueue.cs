using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AidDirectory.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StaleListingQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Submissions_ServiceId",
                table: "Submissions");

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_OnePendingStaleItem",
                table: "Submissions",
                column: "ServiceId",
                unique: true,
                filter: "\"Kind\" = 'StaleListing' AND \"State\" = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Submissions_OnePendingStaleItem",
                table: "Submissions");

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_ServiceId",
                table: "Submissions",
                column: "ServiceId");
        }
    }
}
