namespace AidDirectory.Core.Translations;

/// <summary>A piece of text and the language it is actually in.</summary>
public sealed record Translated(string Text, string Language);
