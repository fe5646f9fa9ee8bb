namespace Aggregator.Core.Alerts;

public enum DigestKind
{
    Immediate,
    Every,
    Daily,
    Weekly,
}
