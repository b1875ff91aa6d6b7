using Dashboard.Core.Accounts;
using Dashboard.Core.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class AccountLinkConfiguration : IEntityTypeConfiguration<AccountLink>
{
    public void Configure(EntityTypeBuilder<AccountLink> b)
    {
        b.ToTable("account_links");
        b.HasKey(l => l.Id);
        b.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
        // At most one active link per account and integration; revoked ones stay as history.
        b.HasIndex(l => new { l.AccountId, l.IntegrationId })
            .IsUnique()
            .HasFilter("status = 'Active'")
            .HasDatabaseName("ux_account_links_one_active");
        b.HasIndex(l => l.IntegrationId);
        // The decision path's link look-up (account, integration, newest first) for active and revoked links alike;
        // without it every cache miss scanned all links of the integration.
        b.HasIndex(l => new { l.AccountId, l.IntegrationId, l.LinkedAt }, "ix_account_links_account_integration");
        b.HasOne<Account>().WithMany().HasForeignKey(l => l.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Integration>().WithMany().HasForeignKey(l => l.IntegrationId).OnDelete(DeleteBehavior.Restrict);
    }
}
