using Dashboard.Core.Access;

namespace Dashboard.Core.Integrations;

/// <summary>A third-party service whose bridge asks for access to cameras (Google Assistant, Alexa, IFTTT).</summary>
public sealed class Integration
{
    public Guid Id { get; set; }

    /// <summary>Slug such as <c>google-assistant</c>; the API and kill switch scopes name integrations by it.</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }
    public IntegrationKind Kind { get; set; }
    public AccessActions Actions { get; set; } = AccessActions.All;

    /// <summary>False stops new links while existing ones keep working.</summary>
    public bool AcceptsNewLinks { get; set; } = true;

    public DateTime CreatedAt { get; set; }
}

public enum IntegrationKind
{
    Assistant,
    Automation,
}
