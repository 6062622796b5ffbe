using EHalsostodet.Core.ContactMessages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EHalsostodet.Core.Persistence.Configurations;

internal sealed class ContactMessageConfiguration : IEntityTypeConfiguration<ContactMessage>
{
    public void Configure(EntityTypeBuilder<ContactMessage> builder)
    {
        builder.ToTable("contact_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Subject).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Name).HasMaxLength(ContactInbox.MaxNameLength);
        builder.Property(m => m.Email).HasMaxLength(ContactInbox.MaxEmailLength);
        builder.Property(m => m.Message).HasMaxLength(ContactInbox.MaxMessageLength);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.StatusChangedBy).HasMaxLength(200);
        builder.HasIndex(m => m.Status);
    }
}
