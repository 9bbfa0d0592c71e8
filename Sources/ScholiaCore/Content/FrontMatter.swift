/// Splits a content file into YAML front matter (between `---` lines) and body.
struct FrontMatter {
    /// The YAML text, or nil when the file has no front matter.
    var yaml: String?
    var body: String
    /// The number of file lines before the body.
    var bodyLineOffset: Int

    /// Returns nil, with an error, when the front matter opens but never closes.
    static func split(_ text: String, path: String, _ diagnostics: inout DiagnosticList) -> FrontMatter? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingWhitespace == "---" else {
            return FrontMatter(yaml: nil, body: text, bodyLineOffset: 0)
        }
        lines.removeFirst()
        guard let end = lines.firstIndex(where: { $0.trimmingTrailingWhitespace == "---" || $0.trimmingTrailingWhitespace == "..." }) else {
            diagnostics.error("front matter opened with '---' on line 1 is never closed by a '---' line",
                              at: SourceLocation(path: path, line: 1, column: 1))
            return nil
        }
        let yaml = lines[..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        return FrontMatter(yaml: yaml, body: body, bodyLineOffset: end + 2)
    }
}

extension Substring {
    var trimmingTrailingWhitespace: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s.removeLast() }
        return s
    }
}
