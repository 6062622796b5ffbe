using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EHalsostodet.Core.Persistence;

/// <summary>Stores every DateTime as UTC and reads it back marked as UTC.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
