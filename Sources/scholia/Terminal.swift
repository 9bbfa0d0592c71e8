import Foundation
import ScholiaCore

/// Output to the terminal: diagnostics on standard error, progress only when it is a terminal.
enum Terminal {
    static let isInteractive = isatty(STDERR_FILENO) == 1

    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8)) }
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }

    /// Progress lines, shown only on a terminal and only once a build has taken more than a moment.
    static func progress(since start: Date) -> (@Sendable (String) -> Void)? {
        guard isInteractive else { return nil }
        return { message in
            guard Date().timeIntervalSince(start) > 0.3 else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[K\(message)…".utf8))
        }
    }

    static func clearProgress() {
        if isInteractive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
