namespace Dashboard.Core.Privacy;

/// <summary>How an access record reads to the customer, on the page and in the data download alike.</summary>
public static class StaffAccessWords
{
    public static string What(StaffAccessKind kind) => kind switch
    {
        StaffAccessKind.Account => "your account",
        StaffAccessKind.AccountLinks => "your linked services",
        StaffAccessKind.Device => "a camera",
        StaffAccessKind.DeviceHistory => "a camera's ownership history",
        StaffAccessKind.DeviceOwnerAt => "who owned a camera at a time",
        StaffAccessKind.DevicesExport => "an export of the device list",
        StaffAccessKind.AuditExport => "an export of the audit log",
    };

    public static string How(StaffAccessChannel channel) => channel switch
    {
        StaffAccessChannel.Page => "web page",
        StaffAccessChannel.Api => "API",
        StaffAccessChannel.Export => "export",
    };
}
