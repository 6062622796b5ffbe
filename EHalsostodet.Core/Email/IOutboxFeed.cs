namespace EHalsostodet.Core.Email;

/// <summary>
/// Something that writes mail to the outbox in the background on this instance. The dispatcher
/// lets it finish what it has been given before it sends, so nothing waits a whole interval.
/// </summary>
public interface IOutboxFeed
{
    Task FlushAsync(CancellationToken cancellationToken);
}
