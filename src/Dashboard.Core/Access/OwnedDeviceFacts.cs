namespace Dashboard.Core.Access;

/// <summary>A device the account owns, and whether the account exposed it on its link to the integration.</summary>
public sealed record OwnedDeviceFacts(DeviceFacts Device, bool Exposed);
