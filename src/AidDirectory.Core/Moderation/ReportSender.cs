namespace AidDirectory.Core.Moderation;

/// <summary>
/// What the report form knows about where a report came from, for filing it: the sender's network prefix
/// (<c>NetworkPrefix</c>; only ever kept as a short keyed tag), the form's one-time number, and whether the
/// report came over a limit (it then reaches moderators but never counts toward a warning).
/// </summary>
public sealed record ReportSender(byte[] Network, Guid FormNonce, bool OverLimit);
