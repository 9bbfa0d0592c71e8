import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A minimal XML element tree with line numbers, so style errors can point at the source.
final class XMLNode: @unchecked Sendable {
    let name: String
    var attributes: [String: String]
    var children: [XMLNode] = []
    var text: String = ""
    let line: Int

    init(name: String, attributes: [String: String], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
    }

    func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }
    func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }

    /// Parses `data`; throws a `CSLError` naming `file` and the parser's line.
    ///
    /// The parser is fed from a stream, in chunks: `XMLParser(data:)` hands libxml2 the whole file as one chunk,
    /// and libxml2 (without `XML_PARSE_HUGE`, which Foundation cannot set) stops with an internal error once it
    /// holds more than 10,000,000 bytes of unparsed input, so a valid style over 10 MB read as "malformed".
    static func parse(_ data: Data, file: String, markupLimit: Int = XMLMarkupLimit.libxml2) throws -> XMLNode {
        // Streaming does not lift the limit on one tag or comment; name it instead of libxml2's bare "error 1".
        if let long = XMLMarkupLimit.firstMarkup(in: data, longerThan: markupLimit) {
            throw CSLError(file: file, line: long.line,
                           message: "a tag or comment of \(long.length) bytes is longer than the XML reader's limit of "
                               + "\(markupLimit) bytes (libxml2's, without XML_PARSE_HUGE); shorten it")
        }
        let builder = TreeBuilder()
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = true
        parser.delegate = builder
        builder.parser = parser
        let ok = parser.parse()
        if !ok || builder.root == nil || builder.failure != nil || !builder.stack.isEmpty {
            let reason = builder.failure ?? parser.parserError.map { "\($0.localizedDescription)" } ?? "not well-formed XML"
            throw CSLError(file: file, line: parser.lineNumber > 0 ? parser.lineNumber : nil,
                           message: "malformed XML: \(reason)")
        }
        return builder.root!
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    weak var parser: XMLParser?
    var root: XMLNode?
    var stack: [XMLNode] = []
    var failure: String?

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        // Drop namespace prefixes on attributes (xml:lang → lang kept as "xml:lang").
        let node = XMLNode(name: elementName, attributes: attributeDict, line: parser.lineNumber)
        if let top = stack.last { top.children.append(node) } else if root == nil { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        // Some XMLParser builds tolerate mismatched tags; treat them as malformed.
        if let top = stack.last, top.name != elementName, failure == nil {
            failure = "</\(elementName)> closes <\(top.name)> opened on line \(top.line)"
            parser.abortParsing()
        }
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if failure == nil { failure = parseError.localizedDescription }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
    }
}
