namespace Dashboard.Core.Configuration;

/// <summary>
/// Settings that check themselves: every problem as a message naming the setting. The host checks them all the same
/// way at start (the web app's <c>AddValidatedOptions</c>), so a bad value stops the start instead of a request.
/// </summary>
public interface IValidatedOptions
{
    IEnumerable<string> Validate();
}
