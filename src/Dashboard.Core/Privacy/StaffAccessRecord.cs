namespace Dashboard.Core.Privacy;

/// <summary>
/// One read of a customer's data by staff (a page opened, an API read, an export), kept append-only so the customer
/// can see who looked. It names people only by id: the staff member by Identity user id, the customer by account id;
/// what people read (emails) is joined in when it is shown, so erasing a person never has to rewrite these rows.
/// </summary>
public sealed class StaffAccessRecord
{
    public long Id { get; set; }
    public DateTime At { get; set; }

    /// <summary>Identity user id of the staff member (the signed-in user or the user of the staff API token).</summary>
    public required string StaffUserId { get; set; }

    public StaffAccessKind Kind { get; set; }
    public StaffAccessChannel Channel { get; set; }

    /// <summary>
    /// The customer the read concerns: the account read, or the owner of the device read at that moment; null for an
    /// unowned device and for an export that does not name a single account.
    /// </summary>
    public Guid? AccountId { get; set; }

    public string? DeviceSerial { get; set; }

    /// <summary>An export's filter as its query string (e.g. <c>model=X&amp;region=EU</c>); null for other reads.</summary>
    public string? ExportFilter { get; set; }

    /// <summary>Why, as the staff member gave it (a ticket reference or a sentence); optional.</summary>
    public string? Reason { get; set; }

    public string? CorrelationId { get; set; }
}

/// <summary>What was read.</summary>
public enum StaffAccessKind
{
    Account,
    AccountLinks,
    Device,
    DeviceHistory,
    DeviceOwnerAt,
    DevicesExport,
    AuditExport,
}

/// <summary>How it was read.</summary>
public enum StaffAccessChannel
{
    Page,
    Api,
    Export,
}
