namespace Dashboard.IntegrationTests.Hardening;

/// <summary>
/// The hostile values thrown at the API. None of them is a valid identifier, serial, action or scope, so no request
/// built from them may change anything.
/// </summary>
internal static class HostileInputValues
{
    public const string SqlFragment = "'; DROP TABLE devices;--";
    public const string ScriptFragment = "<script>alert(1)</script>";

    /// <summary>A query parameter no endpoint declares.</summary>
    public const string UnknownQueryParameter = "notAParameter";

    /// <summary>
    /// Route values (serials, ids, accounts, integrations), escaped by the caller. No NUL here: Kestrel refuses a path
    /// that decodes to one (400) before the app sees it, and the in-memory test server throws on it instead; NUL
    /// reaches the app through query strings and bodies.
    /// </summary>
    public static readonly string[] Route =
    [
        "0", "-1", "99999999999999999999999", "9223372036854775808", "-9223372036854775809", "1e400",
        SqlFragment, ScriptFragment, "a\u0001\u001fb", "%", "%00", "null", "undefined", " ",
        "' OR '1'='1", "{{id}}", "\u202e\ud83d\ude00", new string('A', 8_000),
    ];

    /// <summary>Query-string values, for every query parameter an endpoint declares (and paging on all).</summary>
    public static readonly string[] Query =
    [
        "", "-1", "0", "-2147483649", "2147483648", "9223372036854775808", "99999999999999999999999", "1e10", "1.5",
        "NaN", "abc", "true", "[]", "2026-13-45", "9999-12-31T23:59:59Z", "0001-01-01", SqlFragment, ScriptFragment,
        "\0", "\u0007\u001b", "%", "' OR '1'='1", new string('Z', 10_000),
    ];

    /// <summary>Raw bodies that are not JSON, are cut off, or are JSON of the wrong shape.</summary>
    public static readonly string[] RawBodies =
    [
        "", " ", "{", "}", "[", "{\"", "{\"account\":", "{\"account\":\"abc", "{\"reason\":\"x\",", "nul", "tru",
        "{'reason':'x'}", "{\"reason\":\"x\",}", "{\"reason\":\"x\"}}", "{\"reason\":\"a\u0000b\"}", "\u0000",
        "\ufeff{}", "<script>", SqlFragment, "null", "[]", "[{}]", "42", "-1", "\"text\"", "true",
        "99999999999999999999999999", "1e999", new string('[', 2_000) + new string(']', 2_000),
        "{\"a\":" + new string('[', 500) + new string(']', 500) + "}",
    ];

    /// <summary>Field names the API's bodies use; every hostile object sets some of them.</summary>
    public static readonly string[] Fields =
    [
        "account", "device", "action", "devices", "reason", "scope", "incident", "toAccount",
        "expectedOwnershipVersion", "integration",
    ];

    /// <summary>JSON values of the wrong type, out of range, or with dangerous content.</summary>
    public static readonly string[] JsonValues =
    [
        "null", "42", "-1", "1.5", "1e999", "99999999999999999999999", "-9223372036854775809", "true", "[]", "[null]",
        "[42]", "{\"<script>\":1}", "{\"$ref\":\"#\"}", "\"\"", "\"   \"", Quote(ScriptFragment), Quote(SqlFragment),
        "\"\\u0000\"", "\"CAM\\u0000-1\"", "\"\\u0001\\u001f\"", "\"\\ud800\"", "\"stream\\u0000\"",
        "[" + Quote(SqlFragment) + "," + Quote(ScriptFragment) + "]", Quote(new string('x', 60_000)),
    ];

    /// <summary>A body well over the API's request-size limit (a 100k-character string).</summary>
    public static readonly string OversizedBody = "{\"reason\":" + Quote(new string('x', 100_000)) + "}";

    private static string Quote(string s) => "\"" + s + "\"";
}
