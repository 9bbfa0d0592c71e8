import Foundation
import CSL

/// Runs every fixture of a test-suite folder.
public enum SuiteRunner {
    public struct Result: Sendable {
        public var passed: [String] = []
        public var failed: [String] = []
    }

    public static func run(suite: URL, locales: URL, filter: String? = nil, verbose: Bool) -> Result {
        let store = CSLLocaleStore(folder: locales)
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: suite.path)) ?? [])
            .filter { $0.hasSuffix(".txt") && (filter == nil || $0.contains(filter!)) }.sorted()
        var result = Result()
        for file in files {
            let name = String(file.dropLast(4))
            let actual: String
            let expected: String
            do {
                let text = try String(contentsOf: suite.appendingPathComponent(file), encoding: .utf8)
                let fixture = try CSLFixture(name: name, text: text)
                expected = fixture.expected.trimmingCharacters(in: .whitespacesAndNewlines)
                do { actual = try fixture.run(locales: store).trimmingCharacters(in: .whitespacesAndNewlines) } catch {
                    actual = "ERROR: \(error)"
                }
            } catch {
                result.failed.append(name)
                if verbose { print("FAIL \(name): \(error)") }
                continue
            }
            if Self.layout(actual) == Self.layout(expected) {
                result.passed.append(name)
            } else {
                result.failed.append(name)
                if verbose { print("FAIL \(name)\n  expected: \(expected)\n  actual:   \(actual)") }
            }
        }
        return result
    }

    /// The fixtures' HTML is pretty-printed by hand, with blank lines and indents that differ from
    /// fixture to fixture; whitespace that contains a line break sits between block elements, where
    /// HTML ignores it, so such runs are left out of the comparison.
    static func layout(_ html: String) -> String {
        var out = ""
        var pending = ""
        for c in html {
            if c.isWhitespace {
                pending.append(c)
                continue
            }
            if !pending.contains(where: \.isNewline) { out += pending }
            pending = ""
            out.append(c)
        }
        return out
    }
}
