import CSL
import Foundation

/// Renders the same items in every style of a folder (and its `dependent/` subfolder), the way a
/// site does: each item alone as a citation and a one-entry bibliography, and all of them as a
/// reading list's bibliography. A style fails if it cannot be loaded, or if any output is empty or
/// carries "[CSL STYLE ERROR" — unless `--expect-empty FILE` lists the style with the item's CSL type
/// ("STYLE-NAME TYPE", for styles that by design print nothing for such items, as pandoc's citeproc
/// confirms). A crash stops the run; run the styles one by one to find which.
enum EveryStyle {
    struct Options {
        var styles: URL
        var locales: URL
        var itemFiles: [String]
        /// Only this many styles, chosen with `seed` (nil: all).
        var sample: Int?
        var seed: UInt64 = 1
        /// Writes each style's reading-list bibliography as text, one entry a line, to this folder.
        var dump: URL?
        /// "STYLE-NAME CSL-TYPE" pairs for which a style prints nothing by design.
        var expectEmpty: Set<String> = []
    }

    static func run(_ arguments: [String]) -> Int32 {
        guard let options = parse(arguments) else {
            print("usage: csl-suite --every-style STYLES-FOLDER LOCALES-FOLDER ITEMS.json [ITEMS.json …] [--sample N] [--seed S] [--dump FOLDER] [--expect-empty FILE]")
            return 2
        }
        let items: [CSLItem]
        do { items = try loadItems(options.itemFiles) } catch {
            print(error)
            return 1
        }
        guard !items.isEmpty else {
            print("no items in \(options.itemFiles.joined(separator: ", "))")
            return 1
        }
        var styles = styleFiles(options.styles)
        if let n = options.sample { styles = sample(styles, n, seed: options.seed) }
        if let dump = options.dump { try? FileManager.default.createDirectory(at: dump, withIntermediateDirectories: true) }
        let store = CSLLocaleStore(folder: options.locales)
        var times: [(String, Double)] = []
        var failures: [String] = []
        let start = Date()
        for url in styles {
            let name = url.deletingPathExtension().lastPathComponent
            let began = Date()
            let problems = check(url, items: items, store: store, dump: options.dump.map { $0.appendingPathComponent(name + ".txt") },
                                 expectedEmpty: { options.expectEmpty.contains("\(name) \($0.type)") })
            times.append((name, Date().timeIntervalSince(began)))
            failures += problems.map { "\(url.path): \($0)" }
        }
        let total = Date().timeIntervalSince(start)
        for failure in failures { print(failure) }
        print("slowest styles:")
        for (name, seconds) in times.sorted(by: { $0.1 > $1.1 }).prefix(10) {
            print(String(format: "  %7.1f ms  %@", seconds * 1000, name))
        }
        print(String(format: "%d styles × %d items in %.2f s: %d problems", styles.count, items.count, total, failures.count))
        return failures.isEmpty ? 0 : 1
    }

    /// The problems of one style, empty when every output is fine.
    static func check(_ url: URL, items: [CSLItem], store: CSLLocaleStore, dump: URL?,
                      expectedEmpty: (CSLItem) -> Bool) -> [String] {
        let processor: CSLProcessor
        do { processor = try CSLProcessor(style: try CSLStyle(contentsOf: url), locales: store) } catch {
            return ["cannot load: \(error)"]
        }
        var problems: [String] = []
        func inspect(_ output: CSLOutput?, _ what: String, _ item: CSLItem) {
            let text = output?.text.trimmingCharacters(in: .whitespaces) ?? ""
            let empty = text.isEmpty || text.contains(Self.noPrintedForm)
            if empty && expectedEmpty(item) { return }
            if text.isEmpty { problems.append("\(what) (\(item.type)) is empty") }
            if text.contains("[CSL STYLE ERROR") { problems.append("\(what) (\(item.type)): \(text)") }
        }
        for item in items {
            inspect(processor.citation([CSLCite(id: item.id)], items: [item]), "citation of \(item.id)", item)
            inspect(processor.citation([CSLCite(id: item.id, locator: "3", label: "paragraph")], items: [item]),
                    "pinpoint citation of \(item.id)", item)
            if processor.style.hasBibliography {
                inspect(processor.bibliography(items: [item]).first?.output, "bibliography entry of \(item.id)", item)
            }
        }
        if processor.style.hasBibliography {
            let list = processor.bibliography(items: items)
            let expected = items.filter { !expectedEmpty($0) }.count
            if list.count < expected { problems.append("reading list has \(list.count) entries for \(items.count) items") }
            if let dump {
                let text = list.map { "\($0.id)\t\($0.text)" }.joined(separator: "\n") + "\n"
                try? text.write(to: dump, atomically: true, encoding: .utf8)
            }
        }
        return problems
    }

    static let noPrintedForm = "[CSL STYLE ERROR: reference with no printed form.]"

    static func parse(_ arguments: [String]) -> Options? {
        var positional: [String] = []
        var options = Options(styles: URL(fileURLWithPath: "."), locales: URL(fileURLWithPath: "."), itemFiles: [])
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if ["--sample", "--seed", "--dump", "--expect-empty"].contains(a) {
                guard i + 1 < arguments.count else { return nil }
                let value = arguments[i + 1]
                switch a {
                case "--sample": guard let n = Int(value) else { return nil }; options.sample = n
                case "--seed": guard let s = UInt64(value) else { return nil }; options.seed = s
                case "--expect-empty":
                    guard let text = try? String(contentsOfFile: value, encoding: .utf8) else { return nil }
                    options.expectEmpty = Set(text.split(separator: "\n").map { $0.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces) }
                        .filter { !$0.isEmpty }.map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") })
                default: options.dump = URL(fileURLWithPath: value)
                }
                i += 2
            } else {
                positional.append(a)
                i += 1
            }
        }
        guard positional.count >= 3 else { return nil }
        options.styles = URL(fileURLWithPath: positional[0])
        options.locales = URL(fileURLWithPath: positional[1])
        options.itemFiles = Array(positional[2...])
        return options
    }

    /// Every `.csl` file of the folder and of its `dependent/` subfolder, sorted by path.
    static func styleFiles(_ folder: URL) -> [URL] {
        var urls: [URL] = []
        for sub in [folder, folder.appendingPathComponent("dependent")] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: sub.path)) ?? []
            urls += names.filter { $0.hasSuffix(".csl") }.sorted().map { sub.appendingPathComponent($0) }
        }
        return urls
    }

    /// `n` styles chosen by a seeded shuffle: the same seed gives the same styles everywhere.
    static func sample(_ styles: [URL], _ n: Int, seed: UInt64) -> [URL] {
        var state = seed
        var shuffled = styles
        for i in stride(from: shuffled.count - 1, to: 0, by: -1) {
            // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            shuffled.swapAt(i, Int(z % UInt64(i + 1)))
        }
        return Array(shuffled.prefix(n)).sorted { $0.path < $1.path }
    }

    /// CSL-JSON files holding an item or an array of items; an id seen twice is kept once.
    static func loadItems(_ files: [String]) throws -> [CSLItem] {
        var items: [CSLItem] = []
        var seen = Set<String>()
        for file in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            let json = try JSONSerialization.jsonObject(with: data)
            let array = json is [Any] ? data : try JSONSerialization.data(withJSONObject: [json])
            for item in try CSLItem.decodeArray(from: array, file: file) where seen.insert(item.id).inserted {
                items.append(item)
            }
        }
        return items
    }
}
