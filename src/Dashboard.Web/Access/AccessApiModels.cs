using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Web.Access;

/// <summary>Body of <c>POST /api/v1/access/check</c>. Strings, so a bad value is reported by field, not by type.</summary>
public sealed record CheckAccessBody(string? Account, string? Device, string? Action);

/// <summary>Body of <c>POST /api/v1/access/visible-devices</c>.</summary>
public sealed record VisibleDevicesBody(string? Account);

public sealed record CheckAccessResponse(string Decision, string Reason, long Revision, string DecisionId);

public sealed record VisibleDeviceItem(string Serial, IReadOnlyList<string> Actions);

public sealed record VisibleDevicesResponse(long Revision, IReadOnlyList<VisibleDeviceItem> Devices);

/// <summary>Source-generated JSON for the decision API: no reflection on the hot path.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, AllowDuplicateProperties = false)]
[JsonSerializable(typeof(CheckAccessBody))]
[JsonSerializable(typeof(VisibleDevicesBody))]
[JsonSerializable(typeof(CheckAccessResponse))]
[JsonSerializable(typeof(VisibleDevicesResponse))]
internal sealed partial class AccessApiJson : JsonSerializerContext;
