import Foundation
import ScholiaModel
import ScholiaCore

/// Output to the terminal: diagnostics on standard error, progress only when it is a terminal.
enum Terminal {
    static let isInteractive = isatty(STDERR_FILENO) == 1

    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { FileHandle.standardError.write(Data((printable(diagnostic.description) + "\n").utf8)) }
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("error: \(printable(message))\n".utf8))
    }

    /// The text with control characters shown as `\u{1B}`: a file name with terminal escape sequences in it
    /// must not drive the terminal it is printed to. Line breaks and tabs stay.
    static func printable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(value) {
                out += "\\u{" + String(value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
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
