using System.Text.Json;

namespace Dashboard.Web.Hosting;

/// <summary>
/// A JSON value a converter refused for a reason the client may read (the serializer adds the path). Other
/// JSON errors are described generically, since their messages name server types.
/// </summary>
public sealed class ClientJsonException(string clientMessage) : JsonException(clientMessage)
{
    public string ClientMessage { get; } = clientMessage;
}
