namespace Dashboard.Core.Access.Runtime;

/// <summary>
/// What cached facts are about. A structured value compared field by field: two different questions can never share
/// a key, whatever characters a serial contains (no concatenated strings, no delimiters to inject).
/// </summary>
/// <param name="Serial">Canonical (trimmed, upper case), as <see cref="AccessRequest.Serial"/> gives it.</param>
public readonly record struct FactsKey(Guid IntegrationId, Guid AccountId, string Serial)
{
    public static FactsKey For(in AccessRequest request) => new(request.IntegrationId, request.AccountId, request.Serial);
}
