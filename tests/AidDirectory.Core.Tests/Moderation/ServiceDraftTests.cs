using System.Reflection;
using AidDirectory.Core.Listings;
using AidDirectory.Core.Moderation;
using NodaTime;

namespace AidDirectory.Core.Tests.Moderation;

/// <summary>A listing's shape is written once: a draft written onto a service reads back as the same draft.</summary>
public sealed class ServiceDraftTests
{
    // Every field of the draft's own set to something other than its default; rows are the publisher's.
    private static readonly ServiceDraft Everything = new()
    {
        Name = "Casa Interpretación",
        Description = "Legal clinic.",
        WrittenIn = "es",
        NameTranslations = new() { ["en"] = "Interpretation House" },
        DescriptionTranslations = new() { ["en"] = "A legal clinic." },
        EligibilityDescription = "Anyone in Cook County.",
        Url = "https://example.org",
        Email = "help@example.org",
        Status = ServiceStatus.TemporarilyClosed,
        StatusReason = "Renovation",
        ExpectedReopening = new LocalDate(2027, 1, 4),
        Languages = ["es", "pl"],
        Cost = CostKind.SlidingScale,
        DocumentsRequired = DocumentsRequired.NoSsn,
        AsksImmigrationStatus = false,
        Access = AccessMode.Appointment,
        DeliveryAvailable = true,
        LegalProvider = LegalProvider.AccreditedRepresentative,
        InterpretationOnRequest = true,
        InterpretationLanguages = ["ar", "zh"],
        HoursText = "Tuesdays after mass",
    };

    [Fact]
    public void A_draft_written_onto_a_service_reads_back_unchanged()
    {
        var service = new Service { Name = "old", SourceKey = "test", ExternalId = "x" };
        Everything.ApplyTo(service);
        Assert.Equal(Snapshots.Write(Everything), Snapshots.Write(ServiceDraft.Of(service)));
    }

    [Fact]
    public void The_round_trip_test_sets_every_field_of_the_draft()
    {
        // A new field left at its default here would pass the round trip without being mapped.
        var blank = new ServiceDraft { Name = "" };
        var rows = new[] { nameof(ServiceDraft.Categories), nameof(ServiceDraft.Phones), nameof(ServiceDraft.Hours), nameof(ServiceDraft.Places), nameof(ServiceDraft.ServiceAreas) };
        var unset = typeof(ServiceDraft).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => !rows.Contains(p.Name))
            .Where(p => Snapshots.Write(p.GetValue(Everything)) == Snapshots.Write(p.GetValue(blank)))
            .Select(p => p.Name)
            .ToList();
        Assert.Empty(unset);
    }

    [Fact]
    public void Interpretation_changes_read_as_two_lines_of_the_diff()
    {
        var before = Everything with { InterpretationOnRequest = null, InterpretationLanguages = [] };
        var changes = ListingDiff.Between(before, Everything);
        Assert.Equal(
            [new FieldChange("Interpretation on request", null, "yes"), new FieldChange("Interpretation languages", null, "ar, zh")],
            changes);
    }
}
