using System.Text.Json;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.UnitTests.Auth;

public sealed class AuthProblemsTests
{
    private static DefaultHttpContext Context(bool withProblemDetailsService)
    {
        var services = new ServiceCollection().AddOptions().AddLogging();
        if (withProblemDetailsService)
        {
            services.AddProblemDetails();
        }
        var context = new DefaultHttpContext { RequestServices = services.BuildServiceProvider() };
        context.Request.Headers.Accept = "application/json";
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static JsonElement Body(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return JsonDocument.Parse(context.Response.Body).RootElement;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WriteUnauthorized_WritesA401ProblemWithABearerChallenge(bool withProblemDetailsService)
    {
        var context = Context(withProblemDetailsService);

        await AuthProblems.WriteUnauthorizedAsync(context);

        context.Response.StatusCode.ShouldBe(401);
        context.Response.ContentType.ShouldBe("application/problem+json");
        context.Response.Headers.WWWAuthenticate.ToString().ShouldBe("Bearer");
        Body(context).GetProperty("status").GetInt32().ShouldBe(401);
    }

    [Fact]
    public async Task WriteForbidden_WritesA403Problem()
    {
        var context = Context(withProblemDetailsService: true);

        await AuthProblems.WriteForbiddenAsync(context);

        context.Response.StatusCode.ShouldBe(403);
        context.Response.ContentType.ShouldBe("application/problem+json");
        Body(context).GetProperty("title").GetString().ShouldBe("Forbidden");
    }

    [Fact]
    public async Task WriteUnauthorized_WhenCredentialsCouldNotBeChecked_Writes503WithRetryAfter()
    {
        var context = Context(withProblemDetailsService: true);
        context.Items[AuthProblems.UnavailableItem] = true;

        await AuthProblems.WriteUnauthorizedAsync(context);

        context.Response.StatusCode.ShouldBe(503);
        context.Response.Headers.RetryAfter.ToString().ShouldBe("1");
        context.Response.ContentType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task WriteUnauthorized_WhenClientAcceptsOnlyHtml_StillAnswersProblemJson()
    {
        var context = Context(withProblemDetailsService: true);
        context.Request.Headers.Accept = "text/html";

        await AuthProblems.WriteUnauthorizedAsync(context);

        context.Response.ContentType.ShouldBe("application/problem+json");
        Body(context).GetProperty("status").GetInt32().ShouldBe(401);
    }
}
