using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.IntegrationTests.Hardening;

/// <summary>
/// Bodies of a request type with one property sent twice: each of its properties at the top, and each property of
/// an object it holds. Every other value is one the type reads, so the repetition is the only thing wrong.
/// </summary>
internal static class RepeatedPropertyBodies
{
    /// <summary>The property's JSON path as a problem names it (<c>scope.integration</c>), and the body.</summary>
    public static IEnumerable<(string Field, string Body)> For(Type type)
    {
        foreach (var (name, property) in Properties(type))
        {
            var value = Sample(property.PropertyType);
            yield return (name, $"{{\"{name}\":{value},\"{name}\":{value}}}");
            if (IsObject(property.PropertyType))
            {
                foreach (var (inner, innerProperty) in Properties(Unwrap(property.PropertyType)))
                {
                    var innerValue = Sample(innerProperty.PropertyType);
                    yield return ($"{name}.{inner}", $"{{\"{name}\":{{\"{inner}\":{innerValue},\"{inner}\":{innerValue}}}}}");
                }
            }
        }
    }

    private static IEnumerable<(string Name, PropertyInfo Property)> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always })
            .Select(p => (p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name), p));

    private static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static bool IsObject(Type type)
    {
        type = Unwrap(type);
        return type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type);
    }

    /// <summary>A JSON value the property reads without complaint.</summary>
    private static string Sample(Type type)
    {
        type = Unwrap(type);
        if (type == typeof(string) || type == typeof(Guid))
        {
            return $"\"{Guid.NewGuid()}\"";
        }
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return "\"2026-01-01T00:00:00Z\"";
        }
        if (type == typeof(bool))
        {
            return "true";
        }
        if (type.IsPrimitive || type == typeof(decimal))
        {
            return "1";
        }
        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            return "[]";
        }
        return "{}";
    }
}
