using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Shared;

/// <summary>
/// Names the resources that say what an access action lets a service do (<c>AccessActionWords.resx</c>): "Live video"
/// for <c>stream</c>. Pages inject <c>IStringLocalizer&lt;AccessActionWords&gt;</c> and call <see cref="Label"/>.
/// </summary>
public sealed class AccessActionWords
{
    /// <summary>The action's name for people; an action without words keeps its wire name (data, not text).</summary>
    public static string Label(IStringLocalizer<AccessActionWords> words, string wireName) =>
        words[wireName] is { ResourceNotFound: false } found ? found : wireName;
}
