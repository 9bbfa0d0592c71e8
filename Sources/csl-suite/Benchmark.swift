import CSL
import Foundation

/// Times parsing each style once and processing a document that cites each of 10,000
/// synthetic items once: citations, disambiguation, sorting and the bibliography.
enum Benchmark {
    static func run(styles: [String], locales: String, count: Int = 10_000) -> Int32 {
        timeEachStyle(styles, locales: locales, count: count, unit: "items") { processor, items, checksum in
            // One document: every item cited once, then the bibliography — what a site build does.
            // CSL_BENCH_BIBLIOGRAPHY=1 times the bibliography alone.
            let bibliographyOnly = ProcessInfo.processInfo.environment["CSL_BENCH_BIBLIOGRAPHY"] != nil
            let output = bibliographyOnly
                ? CSLDocumentOutput(citations: [], bibliography: processor.bibliography(items: items))
                : processor.document(items.map { CSLCitation(cites: [CSLCite(id: $0.id)]) }, items: items)
            for entry in output.bibliography { checksum.add(entry.html); checksum.add(entry.text) }
            for citation in output.citations { checksum.add(citation.html); checksum.add(citation.text) }
            return ("\(output.bibliography.count) entries, \(output.citations.count) citations", output.bibliography.first?.text)
        }
    }

    /// Parses each style, runs `work` with it on `count` synthetic items, and prints the time (parsing
    /// included) with a checksum of the output, so that an optimization can be seen to change no output.
    static func timeEachStyle(_ styles: [String], locales: String, count: Int, unit: String,
                              _ work: (CSLProcessor, [CSLItem], inout Checksum) -> (summary: String, example: String?)) -> Int32 {
        let store = CSLLocaleStore(folder: URL(fileURLWithPath: locales))
        let items = syntheticItems(count)
        var total = 0.0
        for path in styles {
            do {
                let start = Date()
                let processor = try CSLProcessor(style: try CSLStyle(contentsOf: URL(fileURLWithPath: path)), locales: store)
                var checksum = Checksum()
                let (summary, example) = work(processor, items, &checksum)
                let elapsed = Date().timeIntervalSince(start)
                total += elapsed
                print(String(format: "%@: %@ in %.3f s (output checksum %016llx)",
                             (path as NSString).lastPathComponent, summary, elapsed, checksum.value))
                if let example { print("  e.g. \(example)") }
            } catch {
                print("\(path): \(error)")
                return 1
            }
        }
        print(String(format: "total %.3f s for %d %@ × %d styles", total, count, unit, styles.count))
        return 0
    }

    static func syllables(_ n: Int) -> String {
        let parts = ["ka", "ri", "mo", "te", "lu", "sa", "no", "vi", "de", "ga"]
        var n = n, s = ""
        repeat { s += parts[n % parts.count]; n /= parts.count } while n > 0
        return s
    }

    /// Deterministic, varied items: several authors, containers, pages, dates.
    static func syntheticItems(_ count: Int) -> [CSLItem] {
        let families = ["Smith", "Jones", "García", "van Gogh", "Müller", "Okafor", "Tanaka", "Dubois", "Rossi", "Nguyen"]
        let givens = ["Anna", "John Ronald", "Marie", "Jean-Paul", "Li", "Olu", "Kenji", "Sofia"]
        let types = ["book", "article-journal", "chapter"]
        return (0..<count).map { i in
            var item = CSLItem(id: "item-\(i)", type: types[i % types.count])
            item["title"] = "A study of things, number \(i): the \(i % 7 == 0 ? "long" : "short") view"
            item["container-title"] = "Journal of Examples \(i % 13)"
            item["publisher"] = "Example Press"
            item["publisher-place"] = "Berlin"
            item["volume"] = String(i % 40 + 1)
            item["issue"] = String(i % 4 + 1)
            item["page"] = "\(100 + i % 300)-\(120 + i % 300)"
            item.names["author"] = (0..<(1 + i % 4)).map { k in
                // Mostly distinct people, as in a real bibliography, with some shared surnames.
                let family = families[(i + k) % families.count] + (i % 5 == 0 ? "" : syllables(i * 7 + k))
                let parts = family.split(separator: " ")
                return parts.count > 1
                    ? CSLName(family: String(parts[1]), given: givens[(i * 3 + k) % givens.count], nonDroppingParticle: String(parts[0]))
                    : CSLName(family: family, given: givens[(i * 3 + k) % givens.count])
            }
            if i % 3 == 2 { item.names["editor"] = [CSLName(family: families[i % 10], given: "Eva")] }
            item.dates["issued"] = CSLDate(year: 1950 + i % 70, month: i % 12 + 1, day: i % 28 + 1)
            return item
        }
    }
}
