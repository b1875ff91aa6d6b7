namespace Dashboard.Core.Privacy;

/// <summary>A staff read about to be recorded. <see cref="AccountId"/> null with a device: the device's owner now.</summary>
public sealed record StaffAccess(
    string StaffUserId,
    StaffAccessKind Kind,
    StaffAccessChannel Channel,
    Guid? AccountId = null,
    string? DeviceSerial = null,
    string? ExportFilter = null,
    string? Reason = null,
    string? CorrelationId = null)
{
    /// <summary>Longest reason kept; longer ones are refused (400 on the API), never cut.</summary>
    public const int MaxReasonLength = 500;

    public const int MaxExportFilterLength = 2000;
}

/// <summary>One access record as the customer reads it: the staff member by email.</summary>
public sealed record StaffAccessView(
    DateTime At,
    string Staff,
    StaffAccessKind Kind,
    StaffAccessChannel Channel,
    string? DeviceSerial,
    string? ExportFilter,
    string? Reason);
