namespace Aggregator.Network;

/// <summary>
/// The network policy refused every address a host resolved to; the message is the one-line reason
/// for the operator, e.g. "refused: 10.0.0.1 is a private address (set network.allowedPrivateNetworks to allow it)".
/// </summary>
internal sealed class AddressRefusedException : Exception
{
    public AddressRefusedException() { }

    public AddressRefusedException(string message) : base(message) { }

    public AddressRefusedException(string message, Exception innerException) : base(message, innerException) { }
}
