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
        let known = Set(knownText.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") })
        let result = SuiteRunner.run(suite: suite, locales: locales, verbose: false)
        #expect(result.passed.count + result.failed.count == 845, "expected 845 fixtures")
        let unexpected = result.failed.filter { !known.contains($0) }
        #expect(unexpected.isEmpty, "new fixture failures: \(unexpected.joined(separator: ", "))")
        let nowPassing = result.passed.filter { known.contains($0) }
        if !nowPassing.isEmpty {
            print("Fixtures on the known-failure list that now pass (remove them): \(nowPassing.joined(separator: ", "))")
        }
        print("CSL suite: \(result.passed.count) passed, \(result.failed.count) failed")
    }
}
