using Dashboard.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.ToTable("accounts", t => t.HasCheckConstraint("ck_accounts_email_canonical", "email = lower(btrim(email))"));
        b.HasKey(a => a.Id);
        b.Property(a => a.Email).HasMaxLength(320);
        b.Property(a => a.DisplayName).HasMaxLength(200);
        b.Property(a => a.Region).HasMaxLength(16);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        // Unique on the canonical (lower-case) email; text_pattern_ops serves prefix search in any collation.
        b.HasIndex(a => a.Email).IsUnique().HasOperators("text_pattern_ops");
        // The few locked accounts, so a blast radius excludes them with a hashed look-up instead of a probe per link.
        b.HasIndex(a => a.Id).HasDatabaseName("ix_accounts_locked").HasFilter("status = 'Locked'");
    }
}
