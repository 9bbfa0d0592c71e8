import Foundation
import Testing
@testable import ScholiaModel
@testable import ScholiaCore

/// The build caches' text files read from their bytes: numbers as `Int64(_:)` and `UInt64(_:radix:)` read
/// them, and the pages a build records read back as they were saved.
@Suite struct TabbedTextTests {
    @Test func numbersReadAsTheStandardLibraryReadsThem() {
        let decimals = ["0", "42", "-7", "+3", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "", "-", "1a", " 1", "١"]
        for text in decimals {
            let bytes = Array(text.utf8)
            #expect(TabbedText.decimal(bytes, 0 ..< bytes.count) == Int64(text), "\(text)")
        }
        let hexes = ["0", "ff", "FF", "deadbeef", "ffffffffffffffff", "10000000000000000", "", "g", "-1", "+a"]
        for text in hexes {
            let bytes = Array(text.utf8)
            #expect(TabbedText.hex(bytes, 0 ..< bytes.count) == UInt64(text, radix: 16), "\(text)")
        }
    }

    @Test func nonEmptyLinesAsTheGenericSplitGivesThem() {
        for text in ["", "\n", "a", "a\n", "documents/é/index.html\n\nb\n", "\n\nx\ny", String(repeating: "line\n", count: 1000)] {
            let expected = text.utf8.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
            #expect(TabbedText.lines(of: Data(text.utf8)) == expected, "\(text.prefix(20))")
        }
    }

    @Test func linesAndFields() {
        var seen: [[String]] = []
        let bytes = Array("a\tb\n\nc\td\te".utf8)
        let finished = TabbedText.forEachLine(bytes) { fields in
            seen.append(fields.map { TabbedText.string(bytes, $0) })
            return true
        }
        #expect(finished)
        #expect(seen == [["a", "b"], [""], ["c", "d", "e"]])
        #expect(!TabbedText.forEachLine(bytes) { _ in false })
    }

    @Test func pathsWithATabOrALineBreakAreNotStamped() {
        for path in ["Content/documents/a.md", "Content/documents/é.md", "Content/documents/a b.md"] {
            #expect(!FileStamps.breaksTheFormat(path), "\(path)")
        }
        for path in ["a\tb.md", "a\nb.md", "a\rb.md", "a\u{0B}b.md", "a\u{2028}b.md", "é\u{85}.md"] {
            #expect(FileStamps.breaksTheFormat(path), "\(path.debugDescription)")
        }
    }

    @Test func pageRecordsReadBackAsSaved() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scholia-pages-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let jobs: [String: PageRecords.Job] = [
            "documents/a/": .init(fingerprint: .max, files: [.init(path: "documents/a/index.html", size: 120, modified: 1_700_000_000_123_456_789),
                                                             .init(path: "documents/a/cite.bib", size: 0, modified: -5)]),
            "assets/": .init(fingerprint: 0, files: []),
        ]
        PageRecords(jobs: jobs, environment: 0xABC).save(to: folder)
        // The format, byte for byte: sorted by id, numbers in hexadecimal (fingerprints) and decimal (sizes, times).
        let text = try String(contentsOf: folder.appendingPathComponent(PageRecords.fileName), encoding: .utf8)
        #expect(text.hasPrefix("scholia-pages \(ScholiaVersion.current) abc\nassets/\t0\ndocuments/a/\tffffffffffffffff"
            + "\tdocuments/a/index.html\t120\t1700000000123456789\tdocuments/a/cite.bib\t0\t-5\nend "))
        let read = PageRecords.load(from: folder)
        #expect(read.environment == 0xABC)
        #expect(read.jobs.count == 2)
        for (id, job) in jobs {
            let back = try #require(read.jobs[id])
            #expect(back.fingerprint == job.fingerprint)
            #expect(back.files.map { "\($0.path) \($0.size) \($0.modified)" } == job.files.map { "\($0.path) \($0.size) \($0.modified)" })
        }
        PageRecords(jobs: [:], environment: 1).save(to: folder)
        #expect(PageRecords.load(from: folder).environment == 1)
    }
}
