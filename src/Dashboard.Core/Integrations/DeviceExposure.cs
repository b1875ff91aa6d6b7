namespace Dashboard.Core.Integrations;

/// <summary>The owner chose to show this device to the linked integration.</summary>
public sealed class DeviceExposure
{
    public Guid LinkId { get; set; }
    public Guid DeviceId { get; set; }
    public DateTime CreatedAt { get; set; }
}
