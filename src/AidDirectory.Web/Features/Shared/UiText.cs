namespace AidDirectory.Web.Features.Shared;

/// <summary>Marker for the UI text resources (UiText.resx in English, UiText.es.resx in Spanish).</summary>
public sealed class UiText;
