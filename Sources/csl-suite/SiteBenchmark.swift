import CSL
import Foundation

/// Times what a site build does for each document page: every item on its own, in each style,
/// a one-entry bibliography, a citation and a citation with a paragraph locator, as HTML and text.
enum SiteBenchmark {
    static func run(styles: [String], locales: String, count: Int = 10_000) -> Int32 {
        Benchmark.timeEachStyle(styles, locales: locales, count: count, unit: "documents") { processor, items, checksum in
            for item in items {
                let entry = processor.bibliography(items: [item]).first
                let short = processor.citation([CSLCite(id: item.id)], items: [item])
                let pinpoint = processor.citation([CSLCite(id: item.id, locator: "999999", label: "paragraph")], items: [item])
                for output in [entry?.output, short, pinpoint] {
                    checksum.add(output?.html ?? "")
                    checksum.add(output?.text ?? "")
                }
            }
            return ("\(items.count) one-item documents", nil)
        }
    }
}

/// FNV-1a over output text: a cheap way to see that an optimization changed no output.
struct Checksum {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ s: String) {
        for byte in s.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        value ^= 0xff  // separates consecutive strings
        value = value &* 0x100_0000_01b3
    }
}
