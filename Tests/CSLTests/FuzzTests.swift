import Foundation
import Testing
@testable import CSL

/// Random and truncated inputs must produce errors or results, never traps.
@Suite struct FuzzTests {
    /// A small deterministic generator (SplitMix64) so failures are reproducible.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let sampleStyle = """
    <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
      <info><id>s</id><title>S</title></info>
      <macro name="a"><names variable="author"><name et-al-min="3" et-al-use-first="1"/><substitute><text variable="title"/></substitute></names></macro>
      <citation disambiguate-add-year-suffix="true" collapse="year"><sort><key macro="a"/></sort>
        <layout prefix="(" suffix=")" delimiter="; "><group delimiter=" "><text macro="a"/><date variable="issued"><date-part name="year"/></date></group></layout>
      </citation>
      <bibliography><layout><text macro="a" suffix=". "/><text variable="title" font-style="italic"/></layout></bibliography>
    </style>
    """

    static let sampleItems = """
    [{"id":"a","type":"book","title":"T <i>x</i>","author":[{"family":"Doe","given":"J."}],"issued":{"date-parts":[[2000,1,2]]}},
     {"id":"b","author":[{"literal":"Org"}],"issued":{"raw":"1999/2001"},"page":"1-3","volume":4}]
    """

    @Test func truncatedStylesNeverTrap() {
        let bytes = Array(Self.sampleStyle.utf8)
        for cut in stride(from: 0, to: bytes.count, by: 7) {
            _ = try? CSLStyle(xml: Data(bytes[..<cut]), path: "cut.csl")
        }
    }

    @Test func mutatedStylesNeverTrap() throws {
        var rng = Seeded(state: 42)
        let bytes = Array(Self.sampleStyle.utf8)
        let alphabet = Array("<>/=\" abcdefxyz-_&;".utf8)
        let store = TestSupport.store
        let items = try CSLItem.decodeArray(from: Data(Self.sampleItems.utf8))
        for _ in 0..<300 {
            var copy = bytes
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let at = Int.random(in: 0..<copy.count, using: &rng)
                copy[at] = alphabet.randomElement(using: &rng)!
            }
            if let style = try? CSLStyle(xml: Data(copy), path: "mutated.csl"),
               let processor = try? CSLProcessor(style: style, locales: store) {
                _ = processor.bibliography(items: items)
                _ = processor.citation(items.map { CSLCite(id: $0.id) }, items: items)
            }
        }
    }

    @Test func randomAndTruncatedItemsNeverTrap() throws {
        var rng = Seeded(state: 7)
        let bytes = Array(Self.sampleItems.utf8)
        for cut in stride(from: 0, to: bytes.count, by: 5) {
            _ = try? CSLItem.decodeArray(from: Data(bytes[..<cut]))
        }
        let values = ["1", "\"x\"", "[]", "{}", "null", "true", "[[1,2],[3]]", "{\"date-parts\":[[\"a\"]]}",
                      "[{\"family\":3}]", "{\"raw\":5}", "-1.5", "[[]]"]
        let fields = ["id", "type", "title", "author", "issued", "page", "volume", "editor", "accessed", "note"]
        let style = try CSLStyle(xml: Data(Self.sampleStyle.utf8), path: "s.csl")
        let processor = try CSLProcessor(style: style, locales: TestSupport.store)
        for _ in 0..<500 {
            let pairs = (0..<3).map { _ in
                "\"\(fields.randomElement(using: &rng)!)\":\(values.randomElement(using: &rng)!)"
            }
            let json = "[{" + pairs.joined(separator: ",") + "}]"
            if let items = try? CSLItem.decodeArray(from: Data(json.utf8)) {
                _ = processor.bibliography(items: items)
            }
        }
    }
}
