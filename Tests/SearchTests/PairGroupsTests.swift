import Foundation
import Testing
@testable import Search

@Suite struct PairGroupsTests {
    /// Pairs files are made a group of shards at a time, the groups let go of and gathered again as needed:
    /// in any order, with one group or dozens, the same files and fingerprints.
    @Test func pairsMadeByGroupsAreTheSameInAnyOrder() {
        var random = SeededRandom(seed: 21)
        let documents = (0..<400).map { IndexUpdateTests.randomDocument($0, version: 0, &random) }
        let whole = IndexWriter(language: "en", pairEntriesPerGroup: 1 << 30)
        let grouped = IndexWriter(language: "en", pairEntriesPerGroup: 40)
        let expected = whole.plans(for: documents.map { whole.entry(for: $0) })
        let plans = grouped.plans(for: documents.map { grouped.entry(for: $0) })
        #expect(plans.map(\.path) == expected.map(\.path))
        #expect(plans.map(\.fingerprint) == expected.map(\.fingerprint))
        #expect(expected.filter { $0.path.hasPrefix("pairs/") }.count > 8)
        let made = Dictionary(uniqueKeysWithValues: expected.map { ($0.path, $0.make()) })
        for order in [plans, plans.reversed(), plans.shuffled(using: &random)] {
            for plan in order { #expect(plan.make() == made[plan.path], "\(plan.path)") }
        }
    }
}
