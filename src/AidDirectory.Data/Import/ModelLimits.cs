using AidDirectory.Core.Listings;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AidDirectory.Data.Import;

/// <summary>
/// The column limits of the model, checked before anything is written: SQLite ignores a text length,
/// PostgreSQL refuses it mid-transaction, and a row that is too long must be reported with its line instead.
/// </summary>
public sealed class ModelLimits(IModel model)
{
    /// <summary>The longest text <paramref name="property"/> of <typeparamref name="T"/> holds, or null when unlimited.</summary>
    public int? Max<T>(string property) => model.FindEntityType(typeof(T))?.FindProperty(property)?.GetMaxLength();

    public IEnumerable<string> TooLong(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        IEnumerable<object> parts = [service, .. service.Phones, .. service.Schedules, .. service.ServiceAreas, .. service.Contacts, .. service.ServiceAtLocations.Select(s => s.Location)];
        return parts.SelectMany(Check);
    }

    private IEnumerable<string> Check(object entity)
    {
        var type = model.FindEntityType(entity.GetType());
        foreach (var property in type?.GetProperties() ?? [])
        {
            if (property.GetMaxLength() is { } max && property.PropertyInfo?.GetValue(entity) is string text && text.Length > max)
            {
                yield return $"{property.Name} is {text.Length} characters long; at most {max} fit.";
            }
        }
    }
}
