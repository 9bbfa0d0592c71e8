import Foundation
import Testing
@testable import ScholiaCore

/// `.scholia-cache/pages` as a log: a build that changed a few jobs appends their records; anything else writes the
/// file anew, and a file that is not whole is not trusted.
@Suite struct PageRecordsLogTests {
    private let folder = FileManager.default.temporaryDirectory.appendingPathComponent("page-records-\(UUID().uuidString)")
    private var file: URL { folder.appendingPathComponent(PageRecords.fileName) }

    private static func job(_ fingerprint: UInt64, _ path: String, size: Int = 10) -> PageRecords.Job {
        PageRecords.Job(fingerprint: fingerprint, files: [PageRecords.Written(path: path, size: size, modified: 1_700_000_000_123_456_789)])
    }

    private static func records(_ jobs: [String: PageRecords.Job], environment: UInt64 = 7) -> PageRecords {
        PageRecords(ordered: jobs.keys.sorted().map { ($0, jobs[$0]!) }, environment: environment)
    }

    private static let many: [String: PageRecords.Job] = Dictionary(uniqueKeysWithValues: (0 ..< 50).map { ("documents/doc-\($0)", job(UInt64($0), "documents/doc-\($0)/index.html")) })

    private func bytes() throws -> Data { try Data(contentsOf: file) }

    @Test func aFewChangedJobsAreAppendedAndReadBackOverTheFirstRecords() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        Self.records(Self.many).save(to: folder)
        let first = try bytes()
        let loaded = PageRecords.load(from: folder)
        #expect(loaded.jobs == Self.many)

        var next = Self.many
        next["documents/doc-3"] = Self.job(333, "documents/doc-3/index.html", size: 11)
        next["documents/new"] = Self.job(1, "documents/new/index.html")
        Self.records(next).save(to: folder, replacing: loaded)
        let appended = try bytes()
        #expect(appended.starts(with: first), "the file was written anew")
        #expect(appended.count - first.count < 300, "more than the two changed records were appended")
        let reloaded = PageRecords.load(from: folder)
        #expect(reloaded.jobs == next)
        #expect(reloaded.environment == 7)

        // Nothing changed: nothing is written.
        Self.records(next).save(to: folder, replacing: reloaded)
        #expect(try bytes() == appended)
    }

    @Test func aGoneJobAnotherEnvironmentOrAFileChangedSinceWriteItAnew() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        Self.records(Self.many).save(to: folder)
        let first = try bytes()

        var fewer = Self.many
        fewer["documents/doc-4"] = nil
        Self.records(fewer).save(to: folder, replacing: PageRecords.load(from: folder))
        #expect(try bytes().count < first.count)
        #expect(PageRecords.load(from: folder).jobs == fewer)

        Self.records(fewer, environment: 8).save(to: folder, replacing: PageRecords.load(from: folder))
        #expect(PageRecords.load(from: folder).environment == 8)
        #expect(PageRecords.load(from: folder).jobs == fewer)

        // Another build appended after this one loaded the file: this one's records are written whole.
        let loaded = PageRecords.load(from: folder)
        var other = fewer
        other["documents/doc-1"] = Self.job(11, "documents/doc-1/index.html")
        Self.records(other, environment: 8).save(to: folder, replacing: loaded)
        var mine = fewer
        mine["documents/doc-2"] = Self.job(22, "documents/doc-2/index.html")
        Self.records(mine, environment: 8).save(to: folder, replacing: loaded)
        #expect(PageRecords.load(from: folder).jobs == mine)
    }

    @Test func appendsThatWouldOutweighTheFirstSegmentWriteTheFileAnew() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        Self.records(Self.many).save(to: folder)
        let size = try bytes().count
        var jobs = Self.many
        for round in 1 ... 30 {
            for number in 0 ..< 5 { jobs["documents/doc-\(number)"] = Self.job(UInt64(1000 * round + number), "documents/doc-\(number)/index.html") }
            Self.records(jobs).save(to: folder, replacing: PageRecords.load(from: folder))
            #expect(try bytes().count <= 2 * size + 500, "round \(round)")
            #expect(PageRecords.load(from: folder).jobs == jobs, "round \(round)")
        }
    }

    @Test func anAppendedSegmentCutShortOrEditedIsNotTrusted() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        Self.records(Self.many).save(to: folder)
        let first = try bytes()
        var next = Self.many
        next["documents/doc-3"] = Self.job(333, "documents/doc-3/index.html")
        Self.records(next).save(to: folder, replacing: PageRecords.load(from: folder))
        let whole = try bytes()
        let segment = whole.suffix(from: first.count)
        #expect(String(decoding: segment, as: UTF8.self).contains("\t14d\t"), "333 is 14d in hexadecimal")
        let broken: [Data] = [
            whole.dropLast(1),                                                        // its last line break missing
            whole.dropLast(10),                                                       // its end line cut
            first + segment.prefix(segment.count / 2),                                // stopped while appending
            first + Data(String(decoding: segment, as: UTF8.self).replacingOccurrences(of: "\t14d\t", with: "\t14e\t").utf8),  // a record edited
            first + Data("documents/doc-3\t14d\n".utf8),                              // a segment with no end
        ]
        for (index, data) in broken.enumerated() {
            try data.write(to: file)
            #expect(PageRecords.load(from: folder).jobs.isEmpty, "case \(index)")
        }
    }
}
