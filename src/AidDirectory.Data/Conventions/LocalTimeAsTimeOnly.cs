using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace AidDirectory.Data.Conventions;

internal sealed class LocalTimeAsTimeOnly() : ValueConverter<LocalTime, TimeOnly>(
    t => t.ToTimeOnly(), t => LocalTime.FromTimeOnly(t));
