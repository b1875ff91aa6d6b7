using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Dashboard.Core.KillSwitches;

namespace Dashboard.Core.Access.Runtime;

/// <summary>
/// Every integration and every kill switch that still denies, read in one statement at <see cref="Revision"/>. They
/// are few, so each instance holds all of them; the snapshot is immutable and replaced as a whole.
/// </summary>
public sealed class PolicyCatalog
{
    public static readonly PolicyCatalog Empty = new(FrozenDictionary<Guid, IntegrationFacts>.Empty, [], -1);

    public PolicyCatalog(
        IReadOnlyDictionary<Guid, IntegrationFacts> integrations, IReadOnlyList<DenyingKillSwitch> killSwitches, long revision)
    {
        Integrations = integrations.ToFrozenDictionary();
        KillSwitches = killSwitches;
        Revision = revision;
    }

    public FrozenDictionary<Guid, IntegrationFacts> Integrations { get; }

    public IReadOnlyList<DenyingKillSwitch> KillSwitches { get; }

    public long Revision { get; }

    public bool TryGetIntegration(Guid id, [NotNullWhen(true)] out IntegrationFacts? integration) =>
        Integrations.TryGetValue(id, out integration);
}
