import Foundation

/// A place in a source file; line and column are 1-based (0 when unknown).
package struct SourceLocation: Sendable, Hashable, Comparable, Codable {
    package var path: String
    package var line: Int
    package var column: Int

    package init(path: String, line: Int = 0, column: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
    }

    package static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}

/// An error or warning about the site's content, printed as `PATH:LINE:COLUMN: error: message`.
package struct Diagnostic: Sendable, Hashable, CustomStringConvertible, Codable {
    package enum Severity: String, Sendable, Codable { case error, warning }

    package var location: SourceLocation
    package var severity: Severity
    package var message: String

    package init(_ severity: Severity, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    package var description: String {
        "\(location.path):\(max(location.line, 1)):\(max(location.column, 1)): \(severity.rawValue): \(message)"
    }
}

/// Collects diagnostics from every stage so that all of them are reported at once.
package struct DiagnosticList: Sendable, Codable {
    package private(set) var all: [Diagnostic] = []

    package init(_ diagnostics: [Diagnostic] = []) { all = diagnostics }

    package var hasErrors: Bool { all.contains { $0.severity == .error } }
    package var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    package var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }

    package mutating func error(_ message: String, at location: SourceLocation) {
        all.append(Diagnostic(.error, message, at: location))
    }

    package mutating func warning(_ message: String, at location: SourceLocation) {
        all.append(Diagnostic(.warning, message, at: location))
    }

    package mutating func append(contentsOf other: DiagnosticList) { all += other.all }

    /// In file order, so that output is stable whatever order the work ran in.
    package var sorted: [Diagnostic] {
        all.sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }
}

/// Thrown when a stage cannot go on; carries every diagnostic found so far.
package struct ContentErrors: Error, Sendable, CustomStringConvertible {
    package var diagnostics: [Diagnostic]
    package init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    package var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// "did you mean" for a misspelt key.
package enum Suggestion {
    package static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word.lowercased(), $0)) }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return nil }
        return best.1 <= max(2, word.count / 3) ? best.0 : nil
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
