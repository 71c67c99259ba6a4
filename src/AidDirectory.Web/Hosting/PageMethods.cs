using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace AidDirectory.Web.Hosting;

/// <summary>
/// A Razor page's endpoint matches every HTTP method unless told otherwise, so <c>PATCH /en/</c> ran the page
/// with no handler selected. This convention gives each page the methods it answers: GET and HEAD, and POST
/// when it has a POST handler. Routing then answers any other method with a 405 and an <c>Allow</c> header
/// before the page runs. The error page is left open to every method: the pipeline re-executes it with the
/// method of the request that failed.
/// </summary>
internal sealed class PageMethods : IPageApplicationModelConvention
{
    public const string ErrorPage = "/Errors/Error";

    public void Apply(PageApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.ViewEnginePath == ErrorPage)
        {
            return;
        }

        List<string> methods = [HttpMethods.Get, HttpMethods.Head];
        if (model.HandlerMethods.Any(h => string.Equals(h.HttpMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase)))
        {
            methods.Add(HttpMethods.Post);
        }

        model.EndpointMetadata.Add(new HttpMethodMetadata(methods));
    }
}
