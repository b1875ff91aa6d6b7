namespace Dashboard.Web.Api;

/// <summary>
/// Refuses U+0000 in query and route values (JSON bodies are checked by the serializer): PostgreSQL text
/// cannot hold it, and a search for it would otherwise fail in the database with a 500.
/// </summary>
internal sealed class NulCharacterFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        ValidationErrors? errors = null;
        foreach (var (name, values) in request.Query)
        {
            if (values.Any(v => v?.Contains('\0') == true) || name.Contains('\0'))
            {
                (errors ??= new()).Add(name.Replace("\0", ""), ValidationErrors.NulMessage);
            }
        }
        foreach (var (name, value) in request.RouteValues)
        {
            if (value is string text && text.Contains('\0'))
            {
                (errors ??= new()).Add(name, ValidationErrors.NulMessage);
            }
        }
        return errors is null ? next(context) : ValueTask.FromResult<object?>(errors.ToProblem());
    }
}
