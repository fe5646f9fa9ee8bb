namespace Aggregator.Core.Text;

/// <summary>How the analyser treats one character.</summary>
internal enum CharKind : byte
{
    Unknown = 0,
    Separator = 1,
    Word = 2,
    Ideograph = 3,
    Mark = 4,
}
