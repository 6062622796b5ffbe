namespace EHalsostodet.Web.Api.Management;

/// <summary>A WebP variant of an image.</summary>
public sealed record MediaVariantResponse(int Width, string Url);

/// <summary>Where an image is used: a story or collection showing it as its hero.</summary>
public sealed record MediaUsageResponse(Guid Id, string Type, string Title);

/// <summary>An image in the media library.</summary>
public sealed record MediaResponse(
    Guid Id, string Url, IReadOnlyList<MediaVariantResponse> Variants, string Alt, string FileName,
    string ContentType, int Width, int Height, long ByteSize, DateTime UploadedAt, IReadOnlyList<MediaUsageResponse> UsedBy);
