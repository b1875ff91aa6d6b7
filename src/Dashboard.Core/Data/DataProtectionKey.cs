namespace Dashboard.Core.Data;

/// <summary>An ASP.NET Data Protection key, shared by every instance so cookies work across them.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
