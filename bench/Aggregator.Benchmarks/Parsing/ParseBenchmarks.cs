using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Aggregator.Parsing;
using BenchmarkDotNet.Attributes;
using CodeHollow.FeedReader;

namespace Aggregator.Benchmarks.Parsing;

/// <summary>
/// The hardened parse pipeline (one hardened XmlReader pass into an XDocument, CodeHollow's feed types,
/// normalisation, keys) and its three steps against the floor of a plain XmlReader scan over the same
/// bytes, and the cost of skipping an unchanged body by its hash.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private byte[] _body = [];
    private string _text = "";
    private byte[] _previousHash = [];
    private XDocument _document = new();
    private Feed _feed = new();

    [Params(100 * 1024)]
    public int FeedBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _body = SyntheticFeed.Rss(FeedBytes);
        _text = System.Text.Encoding.UTF8.GetString(_body);
        _previousHash = SHA256.HashData(_body);
        _document = XmlFeedDocument.TryLoad(_body, new UTF8Encoding(false), new ParseNotes())!;
        _feed = CodeHollowDocument.TryRead(_document.Root!)!;
    }

    [Benchmark(Baseline = true, Description = "XmlReader scan (floor)")]
    public int PlainXmlReaderScan()
    {
        using var stream = new MemoryStream(_body, writable: false);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var chars = 0;
        while (reader.Read())
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA) chars += reader.Value.Length;
        }
        return chars;
    }

    [Benchmark(Description = "FeedParser.Parse (hardened)")]
    public int HardenedParse() => FeedParser.Parse(_body).Items.Count;

    [Benchmark(Description = "- its step 1: hardened XDocument from the bytes")]
    public XDocument? HardenedLoad() => XmlFeedDocument.TryLoad(_body, new UTF8Encoding(false), new ParseNotes());

    [Benchmark(Description = "- its step 2: CodeHollow feed from the document")]
    public int CodeHollowFromDocument() => CodeHollowDocument.TryRead(_document.Root!)!.Items.Count;

    [Benchmark(Description = "- its step 3: plain text, links, keys")]
    public int Normalisation() => FeedMapper.Map(_feed, "rss2.0", null, new ParseNotes()).Items.Count;

    [Benchmark(Description = "CodeHollow ReadFromString alone")]
    public int CodeHollowAlone() => FeedReader.ReadFromString(_text).Items.Count;

    [Benchmark(Description = "Identical-body skip (SHA-256)")]
    public bool IdenticalBodySkip() => SHA256.HashData(_body).AsSpan().SequenceEqual(_previousHash);
}
