using Dashboard.Core.Integrations;

namespace Dashboard.Core.Access;

/// <summary>The asking integration: its key and kind (what kill switches select by) and the actions it offers.</summary>
public sealed record IntegrationFacts(Guid Id, string Key, IntegrationKind Kind, AccessActions Actions)
{
    public static IntegrationFacts From(Integration integration) =>
        new(integration.Id, integration.Key, integration.Kind, integration.Actions);
}
