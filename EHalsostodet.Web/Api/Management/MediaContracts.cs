namespace EHalsostodet.Web.Api.Management;

/// <summary>A WebP variant of an image.</summary>
public sealed record MediaVariantResponse(int Width, string Url);

/// <summary>Where an image is used: a story or collection showing it as its hero.</summary>
public sealed record MediaUsageResponse(Guid Id, string Type, string Title);

/// <summary>The point a crop keeps in view, in percent of the width from the left and of the height from the top.</summary>
public sealed record FocalPointResponse(int X, int Y);

/// <summary>An image in the media library; cards are its 16:9 crops around the focal point.</summary>
public sealed record MediaResponse(
    Guid Id, string Url, IReadOnlyList<MediaVariantResponse> Variants, IReadOnlyList<MediaVariantResponse> Cards, FocalPointResponse FocalPoint,
    string Alt, string FileName, string ContentType, int Width, int Height, long ByteSize, DateTime UploadedAt, IReadOnlyList<MediaUsageResponse> UsedBy);
