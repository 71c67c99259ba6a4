using System.Net.Http.Headers;
using System.Text;
using CsCheck;

namespace AidDirectory.Web.Tests.Hosting;

/// <summary>How a fuzzed request carries its fields.</summary>
public enum FuzzBody
{
    None,
    UrlEncoded,
    Multipart,
    MultipartTruncated,
    MultipartWithoutBoundary,
    MultipartWrongBoundary,
    PlainText,
    Json,
    NoContentType,
    Utf16Declared,
}

/// <summary>One request to send: who sends it, the method, the path and query as written on the wire, and a body.</summary>
public sealed record FuzzCase(Caller Caller, string Target, string Method, string PathAndQuery, FuzzBody Body, IReadOnlyList<(FuzzValue Name, FuzzValue Value)> Fields)
{
    private const string Boundary = "fuzz-boundary";

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), PathAndQuery);
        if (Body is FuzzBody.None)
        {
            return request;
        }

        var encoded = string.Join('&', Fields.Select(f => f.Name.Encoded + "=" + f.Value.Encoded));
        var multipart = string.Concat(Fields.Select(f => $"--{Boundary}\r\nContent-Disposition: form-data; name=\"{f.Name.Text}\"\r\n\r\n{f.Value.Text}\r\n")) + $"--{Boundary}--\r\n";
        (byte[] bytes, string? type) = Body switch
        {
            FuzzBody.UrlEncoded => (Encoding.ASCII.GetBytes(encoded), "application/x-www-form-urlencoded"),
            FuzzBody.Multipart => (Encoding.UTF8.GetBytes(multipart), $"multipart/form-data; boundary={Boundary}"),
            FuzzBody.MultipartTruncated => (Encoding.UTF8.GetBytes(multipart[..(multipart.Length * 2 / 3)]), $"multipart/form-data; boundary={Boundary}"),
            FuzzBody.MultipartWithoutBoundary => (Encoding.UTF8.GetBytes(multipart), "multipart/form-data"),
            FuzzBody.MultipartWrongBoundary => (Encoding.UTF8.GetBytes(multipart), "multipart/form-data; boundary=\"other\""),
            FuzzBody.PlainText => (Encoding.UTF8.GetBytes(encoded), "text/plain"),
            FuzzBody.Json => (Encoding.UTF8.GetBytes("{" + string.Join(',', Fields.Select(f => $"\"{f.Name.Text}\":\"{f.Value.Text}\"")) + "}"), "application/json"),
            FuzzBody.NoContentType => (Encoding.ASCII.GetBytes(encoded), null),
            FuzzBody.Utf16Declared => (Encoding.ASCII.GetBytes(encoded), "application/x-www-form-urlencoded; charset=utf-16"),
            _ => throw new InvalidOperationException($"No body for {Body}."),
        };
        request.Content = new ByteArrayContent(bytes);
        if (type is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        }

        return request;
    }

    public override string ToString() =>
        $"{Method} {FuzzValue.Show(PathAndQuery)} as {Caller}"
        + (Body is FuzzBody.None ? "" : $" [{Body}: {string.Join("&", Fields.Select(f => $"{f.Name}={f.Value}"))}]");
}

/// <summary>Draws <see cref="FuzzCase"/>s from the site's routes and forms: every case carries at least one bad input.</summary>
public sealed class FuzzCases(FuzzTargets targets)
{
    private static readonly Caller[] Staff = [Caller.Visitor, Caller.Editor, Caller.Administrator];
    private static readonly FuzzBody[] OddBodies =
        [FuzzBody.MultipartTruncated, FuzzBody.MultipartWithoutBoundary, FuzzBody.MultipartWrongBoundary, FuzzBody.PlainText, FuzzBody.Json, FuzzBody.NoContentType, FuzzBody.Utf16Declared];

    public FuzzCase Next(PCG pcg) =>
        targets.Forms.Count > 0 && FuzzInputs.Percent.Draw(pcg) < 40 ? FormCase(pcg) : RouteCase(pcg);

    private FuzzCase RouteCase(PCG pcg)
    {
        var route = pcg.Pick(targets.Routes);
        var bad = false;
        var path = new StringBuilder();
        foreach (var segment in route.Segments)
        {
            path.Append('/');
            if (segment.Literal is { } literal)
            {
                path.Append(literal);
            }
            else if (FuzzInputs.Percent.Draw(pcg) < 70)
            {
                path.Append(FuzzValue.Encode(pcg.Pick(segment.GoodValues))).Append(segment.Suffix);
            }
            else
            {
                bad = true;
                path.Append(FuzzInputs.Segment.Draw(pcg).Encoded).Append(segment.Suffix);
            }
        }

        var method = pcg.Pick(route.Methods);
        if (FuzzInputs.Percent.Draw(pcg) < 20)
        {
            method = FuzzInputs.Method.Draw(pcg);
            bad |= !route.Methods.Contains(method);
        }

        var query = Query(pcg, bad ? 0 : 1, out var hasQuery);
        var body = method is "POST" or "PUT" or "PATCH" ? pcg.Pick([FuzzBody.UrlEncoded, FuzzBody.Multipart, .. OddBodies]) : FuzzBody.None;
        var fields = body is FuzzBody.None ? [] : Enumerable.Range(0, (int)pcg.Next(4)).Select(_ => (Name(pcg), FuzzInputs.Value.Draw(pcg))).ToList();
        var caller = route.IsStaff ? pcg.Pick(Staff) : Caller.Resident;
        return new FuzzCase(caller, route.Pattern, method, (path.Length == 0 ? "/" : path.ToString()) + (hasQuery ? "?" + query : ""), body, fields);
    }

    private FuzzCase FormCase(PCG pcg)
    {
        var form = pcg.Pick(targets.Forms);
        var action = form.Action;
        var fields = new List<(FuzzValue Name, FuzzValue Value)>();
        var bad = false;
        foreach (var field in form.Fields)
        {
            var roll = FuzzInputs.Percent.Draw(pcg);
            if (roll < 55)
            {
                fields.Add((new(field.Name), new(pcg.Pick(field.Values))));
            }
            else if (roll < 92)
            {
                bad = true;
                fields.Add((new(field.Name), FuzzInputs.Value.Draw(pcg)));
            }
            else
            {
                bad = true; // left out
            }
        }

        if (form.Buttons.Count > 0 && pcg.Pick(form.Buttons) is { } button)
        {
            if (button.StartsWith('@'))
            {
                action = button[1..];
            }
            else
            {
                var (name, value) = (button[..button.IndexOf('=', StringComparison.Ordinal)], button[(button.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                fields.Add((new(name), new(value)));
            }
        }

        for (var extra = (int)pcg.Next(3); extra > 0; extra--)
        {
            bad = true;
            // Another field: an unknown name, or a repeat of a known one.
            fields.Add(fields.Count > 0 && FuzzInputs.Percent.Draw(pcg) < 50
                ? (pcg.Pick(fields).Name, FuzzInputs.Value.Draw(pcg))
                : (FuzzInputs.Value.Draw(pcg), FuzzInputs.Value.Draw(pcg)));
        }

        var method = form.Method;
        if (FuzzInputs.Percent.Draw(pcg) < 10)
        {
            method = FuzzInputs.Method.Draw(pcg);
            bad |= method != form.Method;
        }

        var roll2 = FuzzInputs.Percent.Draw(pcg);
        var body = method is "GET" or "HEAD" or "OPTIONS" or "TRACE" ? FuzzBody.None
            : roll2 < 55 ? FuzzBody.UrlEncoded : roll2 < 70 ? FuzzBody.Multipart : pcg.Pick(OddBodies);
        bad |= body is not (FuzzBody.UrlEncoded or FuzzBody.Multipart);
        var query = Query(pcg, bad ? 0 : 1, out var hasQuery);
        var separator = action.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return new FuzzCase(form.Caller, "form " + form.Action, method, action + (hasQuery ? separator + query : ""), body, fields);
    }

    /// <summary>Up to four parameters (at least <paramref name="atLeast"/>), known or not, some repeated.</summary>
    private string Query(PCG pcg, int atLeast, out bool any)
    {
        var pairs = new List<string>();
        for (var count = Math.Max(atLeast, (int)pcg.Next(5) - 1); count > 0; count--)
        {
            var pair = Name(pcg).Encoded + (FuzzInputs.Percent.Draw(pcg) < 5 ? "" : "=" + FuzzInputs.Value.Draw(pcg).Encoded);
            pairs.Add(pair);
            if (FuzzInputs.Percent.Draw(pcg) < 15)
            {
                pairs.Add(pair.Split('=')[0] + "=" + FuzzInputs.Value.Draw(pcg).Encoded);
            }
        }

        any = pairs.Count > 0;
        return string.Join('&', pairs);
    }

    private FuzzValue Name(PCG pcg) => FuzzInputs.Percent.Draw(pcg) < 80 ? new FuzzValue(pcg.Pick(targets.QueryNames)) : FuzzInputs.Value.Draw(pcg);
}
