import Foundation
import CSL

/// One fixture of the official CSL processor test suite (`processor-tests/humans` format).
/// Public so that both `csl-suite` and the unit tests can run the suite.
public struct CSLFixture: Sendable {
    public var name: String
    public var mode: String
    public var style: String
    public var input: String
    public var expected: String
    public var citationItems: String?
    public var citations: String?

    /// Parses the section markers `>>===== NAME =====>>` … `<<===== NAME =====<<`, tolerating
    /// a missing trailing `>>`/`<<` and a leading byte-order mark.
    public init(name: String, text: String) throws {
        self.name = name
        var sections: [String: String] = [:]
        var current: String?
        var lines: [Substring] = []
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let open = Self.marker(trimmed, start: ">>"), current == nil {
                current = open
                lines = []
            } else if let close = Self.marker(trimmed, start: "<<"), close == current {
                sections[close] = lines.joined(separator: "\n")
                current = nil
            } else if current != nil {
                lines.append(line)
            }
        }
        func need(_ key: String) throws -> String {
            guard let v = sections[key] else { throw CSLError(file: name, message: "fixture has no \(key) section") }
            return v
        }
        mode = try need("MODE").trimmingCharacters(in: .whitespacesAndNewlines)
        style = try need("CSL")
        input = try need("INPUT")
        expected = try need("RESULT")
        citationItems = sections["CITATION-ITEMS"]
        citations = sections["CITATIONS"]
    }

    private static func marker(_ line: String, start: String) -> String? {
        guard line.hasPrefix(start + "=") else { return nil }
        let name = line.drop { $0 == ">" || $0 == "<" || $0 == "=" || $0 == " " }
            .prefix { $0.isUppercase || $0 == "-" }
        return name.isEmpty ? nil : String(name)
    }
}
