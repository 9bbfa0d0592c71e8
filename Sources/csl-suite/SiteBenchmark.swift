import CSL
import Foundation

/// Times what a site build does for each document page: every item on its own, in each style,
/// a one-entry bibliography, a citation and a citation with a paragraph locator, as HTML and text.
enum SiteBenchmark {
    static func run(styles: [String], locales: String, count: Int = 10_000) -> Int32 {
        let store = CSLLocaleStore(folder: URL(fileURLWithPath: locales))
        let items = Benchmark.syntheticItems(count)
        var total = 0.0
        for path in styles {
            do {
                let start = Date()
                let style = try CSLStyle(contentsOf: URL(fileURLWithPath: path))
                let processor = try CSLProcessor(style: style, locales: store)
                var checksum = Checksum()
                for item in items {
                    let entry = processor.bibliography(items: [item]).first
                    let short = processor.citation([CSLCite(id: item.id)], items: [item])
                    let pinpoint = processor.citation([CSLCite(id: item.id, locator: "999999", label: "paragraph")], items: [item])
                    for output in [entry?.output, short, pinpoint] {
                        checksum.add(output?.html ?? "")
                        checksum.add(output?.text ?? "")
                    }
                }
                let elapsed = Date().timeIntervalSince(start)
                total += elapsed
                print(String(format: "%@: %d one-item documents in %.3f s (output checksum %016llx)",
                             (path as NSString).lastPathComponent, count, elapsed, checksum.value))
            } catch {
                print("\(path): \(error)")
                return 1
            }
        }
        print(String(format: "total %.3f s for %d documents × %d styles", total, count, styles.count))
        return 0
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
