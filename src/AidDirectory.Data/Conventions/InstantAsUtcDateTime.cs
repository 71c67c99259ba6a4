using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace AidDirectory.Data.Conventions;

// SQLite cannot compare or sort DateTimeOffset in SQL; a UTC DateTime it can, and PostgreSQL stores it as timestamptz.
internal sealed class InstantAsUtcDateTime() : ValueConverter<Instant, DateTime>(
    i => i.ToDateTimeUtc(), d => Instant.FromDateTimeUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc)));
