using System.Runtime.Versioning;

// The embedded PostgreSQL runner and these tests manage Unix processes, users and file modes.
[assembly: UnsupportedOSPlatform("windows")]
