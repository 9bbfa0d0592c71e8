import ScholiaModel

/// Splits a content file into YAML front matter (between `---` lines) and body.
struct FrontMatter {
    /// The YAML text, or nil when the file has no front matter.
    var yaml: String?
    var body: String
    /// The number of file lines before the body.
    var bodyLineOffset: Int

    /// Returns nil, with an error, when the front matter opens but never closes.
    static func split(_ text: String, path: String, _ diagnostics: inout DiagnosticList) -> FrontMatter? {
        guard text.hasPrefix("---"), let firstEnd = text.firstIndex(of: "\n"),
              text[..<firstEnd].trimmingTrailingWhitespace == "---" else {
            return FrontMatter(yaml: nil, body: text, bodyLineOffset: 0)
        }
        // Walk line by line only as far as the closing line; the body is taken whole.
        var lineStart = text.index(after: firstEnd)
        var lineNumber = 2
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[lineStart..<lineEnd].trimmingTrailingWhitespace
            if line == "---" || line == "..." {
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
                let yaml = String(text[text.index(after: firstEnd)..<lineStart])
                return FrontMatter(yaml: yaml, body: String(text[bodyStart...]), bodyLineOffset: lineNumber)
            }
            lineNumber += 1
            lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
        }
        diagnostics.error("front matter opened with '---' on line 1 is never closed by a '---' line",
                          at: SourceLocation(path: path, line: 1, column: 1))
        return nil
    }
}

extension Substring {
    /// Without leading and trailing spaces, tabs and carriage returns.
    var trimmingSpaces: Substring {
        var s = self
        while let first = s.first, first == " " || first == "\t" || first == "\r" { s.removeFirst() }
        return s.trimmingTrailingWhitespace
    }

    var trimmingTrailingWhitespace: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s.removeLast() }
        return s
    }
}
