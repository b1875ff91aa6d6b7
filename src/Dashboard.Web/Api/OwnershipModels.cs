using Dashboard.Core.Accounts;
using Dashboard.Core.Devices;

namespace Dashboard.Web.Api;

/// <summary><c>POST /api/v1/devices/{serial}/claim</c>. Ids are text so a malformed one is a 400 naming its field.</summary>
public sealed record ClaimDeviceRequest(string? Account = null, string? Reason = null, long? ExpectedOwnershipVersion = null);

/// <summary><c>POST /api/v1/devices/{serial}/transfer</c>.</summary>
public sealed record TransferDeviceRequest(string? ToAccount = null, string? Reason = null, long? ExpectedOwnershipVersion = null);

/// <summary><c>POST /api/v1/devices/{serial}/release</c>.</summary>
public sealed record ReleaseDeviceRequest(string? Reason = null, long? ExpectedOwnershipVersion = null);

/// <summary>One entry of <c>GET /api/v1/devices/{serial}/history</c>.</summary>
public sealed record OwnershipEntryResponse(
    DateTime At, OwnershipEventKind Kind, AccountRef? From, AccountRef? To, string Actor, string Reason);

/// <summary><c>GET /api/v1/devices/{serial}/owner-at</c>.</summary>
public sealed record OwnerAtResponse(DateTime At, AccountRef? Owner);

/// <summary><c>POST /api/v1/accounts/{id}/lock</c>, <c>/unlock</c> and <c>/erasure</c>.</summary>
public sealed record AccountReasonRequest(string? Reason = null);
