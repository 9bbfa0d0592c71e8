import Foundation
import Testing
@testable import CSL
import CSLFixtures

/// Runs the official CSL fixtures; fails on any failure that is not listed in known-failures.txt.
@Suite struct SuiteTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// The official fixtures and the locales they expect, copied into the repository (see their READMEs).
    static let fixtures = here.appendingPathComponent("Fixtures")

    @Test func conformanceSuiteHasNoNewFailures() throws {
        let suite = Self.fixtures.appendingPathComponent("test-suite")
        let locales = Self.fixtures.appendingPathComponent("locales")
        let knownText = try String(contentsOf: Self.here.appendingPathComponent("known-failures.txt"), encoding: .utf8)
        // One fixture name a line, optionally followed by "# why".
        let known = Set(knownText.split(separator: "\n")
            .map { $0.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty })
        let result = SuiteRunner.run(suite: suite, locales: locales, verbose: false)
        #expect(result.passed.count + result.failed.count == 845, "expected 845 fixtures")
        let unexpected = result.failed.filter { !known.contains($0) }
        #expect(unexpected.isEmpty, "new fixture failures: \(unexpected.joined(separator: ", "))")
        // The list only shrinks: a listed fixture that passes must come off it.
        let nowPassing = result.passed.filter { known.contains($0) }
        #expect(nowPassing.isEmpty, "listed as known failures but passing (remove them): \(nowPassing.joined(separator: ", "))")
        #expect(result.passed.count > 800, "the suite passes \(result.passed.count) of 845")
        print("CSL suite: \(result.passed.count) passed, \(result.failed.count) failed")
    }
}
