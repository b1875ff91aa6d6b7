using System.Xml.Linq;
using Dashboard.Core.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Web.Auth;

/// <summary>
/// ASP.NET Data Protection keys in <c>data_protection_keys</c>, so every instance can read the sign-in cookies and
/// antiforgery tokens the others issue (a request may land on any instance). Keys are infrastructure secrets,
/// not domain state: they are not audited. The Data Protection system calls this rarely (at start and when a key
/// is created or expires), so plain synchronous access is fine.
/// </summary>
internal sealed class DatabaseXmlRepository(IDbContextFactory<DashboardDbContext> contexts) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = contexts.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking()
            .OrderBy(k => k.Id)
            .Select(k => k.Xml)
            .AsEnumerable()
            .Select(XElement.Parse)
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = contexts.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKey
        {
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
        });
        db.SaveChanges();
    }
}
