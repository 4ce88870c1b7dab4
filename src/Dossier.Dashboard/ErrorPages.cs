using Microsoft.AspNetCore.Diagnostics;

namespace Dossier.Dashboard;

internal static class ErrorPages
{
    /// <summary>
    /// The error page renders for a failed form post too: a request re-executed for its status code page or its exception
    /// is handled as a GET, so the error page needs no exemption from antiforgery validation (which already refused the post).
    /// </summary>
    public static WebApplication UseErrorPagesAsGet(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method)
                && (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerPathFeature>() is not null))
            {
                context.Request.Method = HttpMethods.Get;
            }

            return next(context);
        });
        return app;
    }
}
