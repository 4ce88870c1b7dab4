using Microsoft.AspNetCore.Authorization;

namespace Dossier.Dashboard.SignIn;

/// <summary>
/// The dashboard's default authorization: reads (GET, HEAD) are open, every other request — a form post such as the
/// queue's retry — needs a signed-in user. It handles itself (ASP.NET Core runs requirements that are their own handler).
/// </summary>
public sealed class WritesNeedSignInRequirement : AuthorizationHandler<WritesNeedSignInRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, WritesNeedSignInRequirement requirement)
    {
        var read = context.Resource is HttpContext http && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method));
        if (read || context.User.Identity?.IsAuthenticated == true)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
