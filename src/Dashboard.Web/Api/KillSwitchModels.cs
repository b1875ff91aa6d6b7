using System.Text.Json.Serialization;
using Dashboard.Core.Access.Propagation;
using Dashboard.Core.KillSwitches;

namespace Dashboard.Web.Api;

/// <summary>
/// A kill switch scope on the wire, in both directions. Unknown keys are refused (a misspelt <c>"action"</c> must not
/// silently widen a switch to every action); absent lists are left out when written.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record KillSwitchScopeBody
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Integration { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IntegrationKind { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? AllIntegrations { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Actions { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Models { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Firmware { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Regions { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Guid>? Accounts { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Devices { get; init; }

    public KillSwitchScope ToScope() => new()
    {
        Integration = Integration,
        IntegrationKind = IntegrationKind,
        AllIntegrations = AllIntegrations ?? false,
        Actions = Actions,
        Models = Models,
        Firmware = Firmware,
        Regions = Regions,
        Accounts = Accounts,
        Devices = Devices,
    };

    public static KillSwitchScopeBody From(KillSwitchScope scope) => new()
    {
        Integration = scope.Integration,
        IntegrationKind = scope.IntegrationKind,
        AllIntegrations = scope.AllIntegrations ? true : null,
        Actions = scope.Actions,
        Models = scope.Models,
        Firmware = scope.Firmware,
        Regions = scope.Regions,
        Accounts = scope.Accounts,
        Devices = scope.Devices,
    };
}

/// <summary>Body of <c>POST /kill-switches</c>. Every field is optional to the reader so a missing one is named in the 400.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FireKillSwitchRequest(KillSwitchScopeBody? Scope = null, string? Reason = null, string? Incident = null);

/// <summary>Body of <c>POST /kill-switches/{id}/lift</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record LiftKillSwitchRequest(string? Reason = null);

public sealed record FireKillSwitchResponse(Guid Id, long Revision, BlastRadius BlastRadius, PropagationResponse Propagation);

/// <summary>The propagation proof as the contract writes it.</summary>
public sealed record PropagationResponse(int Confirmed, int EnforcementPoints, int Expired, double ElapsedMs)
{
    public static PropagationResponse From(PropagationProof proof) =>
        new(proof.Confirmed, proof.EnforcementPoints, proof.Expired, proof.ElapsedMs);
}

public sealed record KillSwitchResponse(
    Guid Id,
    KillSwitchScopeBody Scope,
    string Reason,
    string? Incident,
    KillSwitchStatus Status,
    string ActivatedBy,
    DateTime ActivatedAt,
    long Revision)
{
    public static KillSwitchResponse From(KillSwitchSummary s) =>
        new(s.Id, KillSwitchScopeBody.From(s.Scope), s.Reason, s.Incident, s.Status, s.ActivatedBy, s.ActivatedAt, s.Revision);
}

public sealed record LiftStatusResponse(KillSwitchStatus Status);
