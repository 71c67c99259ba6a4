using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace AidDirectory.Data.Conventions;

internal sealed class LocalDateAsDateOnly() : ValueConverter<LocalDate, DateOnly>(
    d => d.ToDateOnly(), d => LocalDate.FromDateOnly(d));
