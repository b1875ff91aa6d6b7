namespace Dashboard.IntegrationTests.Deployment;

/// <summary>
/// A cookie jar that also sends <c>Secure</c> cookies over plain HTTP. Outside Development the app marks its cookies
/// Secure (TLS ends at the proxy in front of it); a test that talks to the app directly on loopback plays that proxy.
/// </summary>
internal sealed class PlainHttpCookies() : DelegatingHandler(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public bool Has(string name)
    {
        lock (_cookies)
        {
            return _cookies.ContainsKey(name);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_cookies)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }
        }
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            lock (_cookies)
            {
                foreach (var setCookie in setCookies)
                {
                    var pair = setCookie.Split(';')[0];
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    var (name, value) = (pair[..equals].Trim(), pair[(equals + 1)..].Trim());
                    var expired = setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
                    if (value.Length == 0 || expired)
                    {
                        _cookies.Remove(name);
                    }
                    else
                    {
                        _cookies[name] = value;
                    }
                }
            }
        }
        return response;
    }
}
