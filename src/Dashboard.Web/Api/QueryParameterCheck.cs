using System.IO.Pipelines;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Primitives;

namespace Dashboard.Web.Api;

/// <summary>
/// A query parameter an endpoint reads by hand (from <see cref="HttpRequest.Query"/>) rather than as a handler
/// parameter, so <see cref="QueryParameterCheck"/> accepts it. Single-valued unless <paramref name="IsList"/>.
/// </summary>
public sealed record HandReadQueryParameter(string Name, bool IsList = false);

/// <summary>
/// Refuses, on every endpoint of the API group, a query parameter the endpoint does not declare and a single-valued
/// parameter given more than once (docs/decisions/0032). What is declared comes from the handler's own parameters
/// (those minimal APIs bind from the query) and <see cref="HandReadQueryParameter"/> metadata, so a new endpoint is
/// covered without listing its parameters twice. A silently ignored filter would answer a different question.
/// </summary>
internal static class QueryParameterCheck
{
    public const string UnknownMessage = "Unknown query parameter.";
    public const string RepeatedMessage = "Given more than once; this parameter takes one value.";

    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var handler = factory.MethodInfo.GetParameters();
        Dictionary<string, bool>? declared = null;
        return context =>
        {
            var http = context.HttpContext;
            // Built on the first request: the route pattern (which names route-bound parameters) is known by then.
            declared ??= Declared(handler, http.GetEndpoint());
            ValidationErrors? errors = null;
            foreach (var (name, values) in http.Request.Query)
            {
                if (!declared.TryGetValue(name, out var isList))
                {
                    (errors ??= new()).Add(name, UnknownMessage);
                }
                else if (!isList && values.Count > 1)
                {
                    (errors ??= new()).Add(name, RepeatedMessage);
                }
            }
            return errors is null ? next(context) : ValueTask.FromResult<object?>(errors.ToProblem());
        };
    }

    /// <summary>Query parameter name → whether it is a list, compared as minimal APIs bind them (ignoring case).</summary>
    internal static Dictionary<string, bool> Declared(IEnumerable<ParameterInfo> handler, Endpoint? endpoint)
    {
        var routeNames = (endpoint as RouteEndpoint)?.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase)
            ?? [];
        var declared = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in handler)
        {
            if (QueryNameOf(parameter, routeNames) is { } name)
            {
                declared[name] = IsList(parameter.ParameterType);
            }
        }
        foreach (var hand in endpoint?.Metadata.GetOrderedMetadata<HandReadQueryParameter>() ?? [])
        {
            declared[hand.Name] = hand.IsList;
        }
        return declared;
    }

    /// <summary>The query name a handler parameter binds from, or null when it binds from anything else.</summary>
    private static string? QueryNameOf(ParameterInfo parameter, HashSet<string> routeNames)
    {
        var attributes = parameter.GetCustomAttributes(inherit: true);
        if (attributes.OfType<IFromQueryMetadata>().FirstOrDefault() is { } fromQuery)
        {
            return fromQuery.Name ?? parameter.Name;
        }
        if (attributes.Any(a => a is IFromRouteMetadata or IFromBodyMetadata or IFromServiceMetadata or IFromHeaderMetadata
                or IFromFormMetadata or FromKeyedServicesAttribute or AsParametersAttribute))
        {
            // [AsParameters] is not used under the API group; if it comes, its properties need the same walk.
            return null;
        }
        var name = parameter.Name;
        if (name is null || routeNames.Contains(name) || SpecialTypes.Contains(parameter.ParameterType))
        {
            return null;
        }
        // Minimal APIs bind simple (parsable) types, and arrays of them, from the route or the query; others are
        // services or the body.
        var type = parameter.ParameterType;
        return IsParsable(type.IsArray ? type.GetElementType()! : type) ? name : null;
    }

    private static readonly HashSet<Type> SpecialTypes =
    [
        typeof(HttpContext), typeof(HttpRequest), typeof(HttpResponse), typeof(CancellationToken), typeof(ClaimsPrincipal),
        typeof(IFormFile), typeof(IFormFileCollection), typeof(IFormCollection), typeof(Stream), typeof(PipeReader),
    ];

    private static bool IsList(Type type) => type.IsArray || type == typeof(StringValues);

    private static bool IsParsable(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) || type == typeof(StringValues) || type.IsPrimitive || type.IsEnum
            || type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsable<>))
            || type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]) is not null;
    }
}
