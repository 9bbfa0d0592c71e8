import Foundation
import Testing
@testable import ScholiaModel
@testable import ScholiaPublish
@testable import ScholiaCore

/// The pieces a build uses to run its independent steps side by side (`SiteBuilder.build`).
@Suite struct ConcurrentBuildStepsTests {
    @Test func concurrentWorkRunsBesideTheCallerAndGivesItsResultToEveryAsker() {
        // The work waits for the caller: were it run in `init`, on the caller's thread, the test would never get past it.
        let callerWentOn = DispatchSemaphore(value: 0)
        let work = Concurrent { () -> Int in
            callerWentOn.wait()
            return 42
        }
        callerWentOn.signal()
        #expect(work.value == 42)
        #expect(work.value == 42)
        let fromOtherThreads = Array(0 ..< 8).parallelMap { _ in work.value }
        #expect(fromOtherThreads == Array(repeating: 42, count: 8))
    }

    /// The output's check reads its folders on every core once there are enough of them (the second level of a site's
    /// output: a folder per document): it finds every file the one-core walk finds, at any depth, and no folder or link's target.
    @Test(arguments: [3, 200])
    func filesFoundInParallelAreTheFilesOfTheWalk(folders: Int) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("parallel-walk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let outside = root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("hidden"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: outside.appendingPathComponent("hidden/file.txt"))
        let tree = root.appendingPathComponent("tree")
        try FileManager.default.createDirectory(at: tree.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try Data().write(to: tree.appendingPathComponent("index.html"))
        for number in 0 ..< folders {
            let folder = tree.appendingPathComponent("documents/d\(number)/deep")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data().write(to: folder.deletingLastPathComponent().appendingPathComponent("index.html"))
            if number % 7 == 0 { try Data().write(to: folder.appendingPathComponent("note.json")) }
        }
        try FileManager.default.createSymbolicLink(at: tree.appendingPathComponent("documents/link"), withDestinationURL: outside)
        let found = FileTree.filesInParallel(under: tree.path)
        #expect(found.count == Set(found).count)
        #expect(found.sorted() == FileTree.listFiles(under: tree.path))
        #expect(found.contains("documents/d\(folders - 1)/index.html") && found.contains("documents/link") && found.contains("documents/d0/deep/note.json"))
        #expect(found.count == 2 + folders + (folders + 6) / 7)
    }

    @Test func parallelMapKeepsTheOrderAndEveryValue() {
        let numbers = Array(0 ..< 20_000)
        let mapped = numbers.parallelMap { ["n\($0)", String(repeating: "x", count: $0 % 7)] }
        #expect(mapped == numbers.map { ["n\($0)", String(repeating: "x", count: $0 % 7)] })
        #expect(numbers[100 ..< 103].parallelMap { $0 * 2 } == [200, 202, 204])
        #expect([5].parallelMap { $0 + 1 } == [6] && [Int]().parallelMap { $0 } == [])
    }

    private final class Tracked: @unchecked Sendable {}

    @Test func deferredReleaseKeepsValuesUntilLaterThenFreesThem() async throws {
        weak var watched: Tracked?
        do {
            let value = Tracked()
            watched = value
            DeferredRelease.release(value, [1, 2, 3], after: 0.2)
        }
        #expect(watched != nil, "freed where its last reference ended, not later")
        for _ in 0 ..< 100 where watched != nil { try await Task.sleep(nanoseconds: 50_000_000) }
        #expect(watched == nil, "never freed")
    }

    /// `brokenJobs`: a job is intact only while every one of its files is as recorded; any change by hand shows.
    @Test func aJobWithAFileChangedRemovedOrReplacedIsNotIntact() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("intact-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let names = ["same", "edited", "touched", "removed", "folder", "two"]
        for name in names {
            try FileManager.default.createDirectory(at: output.appendingPathComponent(name), withIntermediateDirectories: true)
            try Data("page \(name)".utf8).write(to: output.appendingPathComponent(name + "/index.html"))
        }
        try Data("second file".utf8).write(to: output.appendingPathComponent("two/cite.json"))
        func written(_ path: String) throws -> PageRecords.Written {
            let info = try #require(PageRecords.stat(output.path + "/" + path))
            return PageRecords.Written(path: path, size: info.size, modified: info.modified)
        }
        var jobs: [String: PageRecords.Job] = [:]
        for name in names { jobs[name] = PageRecords.Job(fingerprint: 1, files: [try written(name + "/index.html")]) }
        jobs["two"]!.files.append(try written("two/cite.json"))
        // Many jobs, so that the check is split between threads.
        for number in 0 ..< 1500 { jobs["many-\(number)"] = PageRecords.Job(fingerprint: 1, files: [try written("same/index.html")]) }
        let records = PageRecords(jobs: jobs, environment: 0)
        #expect(records.brokenJobs(in: PageRecords.OutputFolder(output.path)).isEmpty)

        Thread.sleep(forTimeInterval: 0.01)
        try Data("page EDITED".utf8).write(to: output.appendingPathComponent("edited/index.html"))
        // Same bytes and size written again: only its time differs.
        try Data("page touched".utf8).write(to: output.appendingPathComponent("touched/index.html"))
        try FileManager.default.removeItem(at: output.appendingPathComponent("removed/index.html"))
        try FileManager.default.removeItem(at: output.appendingPathComponent("folder/index.html"))
        try FileManager.default.createDirectory(at: output.appendingPathComponent("folder/index.html"), withIntermediateDirectories: true)
        try Data("other file".utf8).write(to: output.appendingPathComponent("two/cite.json"))

        let broken = records.brokenJobs(in: PageRecords.OutputFolder(output.path))
        #expect(broken == ["edited", "touched", "removed", "folder", "two"])
        #expect(records.isUnchanged("same", fingerprint: 1, broken: broken))
        #expect(!records.isUnchanged("same", fingerprint: 2, broken: broken))
        #expect(!records.isUnchanged("edited", fingerprint: 1, broken: broken))
        #expect(!records.isUnchanged("unknown", fingerprint: 1, broken: broken))
    }

    @Test func recordsAreSavedInTheBuildsOrderAndReadBackTheSame() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("records-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = { (path: String) in PageRecords.Written(path: path, size: 3, modified: 7) }
        let records = PageRecords(ordered: [(id: "b/", job: .init(fingerprint: 1, files: [file("b.html")])),
                                            (id: "a/", job: .init(fingerprint: 2, files: [file("a.html")])),
                                            (id: "b/", job: .init(fingerprint: 3, files: []))], environment: 9)
        #expect(records.jobs.count == 2 && records.jobs["b/"]?.fingerprint == 1)
        records.save(to: folder)
        let text = try String(contentsOf: folder.appendingPathComponent(PageRecords.fileName), encoding: .utf8)
        let ids = text.split(separator: "\n").dropFirst().dropLast().map { $0.split(separator: "\t")[0] }
        #expect(ids == ["b/", "a/"])
        let read = PageRecords.load(from: folder)
        #expect(read.environment == 9 && read.jobs.count == 2)
        #expect(read.jobs["a/"]?.fingerprint == 2 && read.jobs["a/"]?.files.first?.path == "a.html")
        #expect(read.jobs["b/"]?.fingerprint == 1 && read.jobs["b/"]?.files.first?.size == 3)
    }

    /// The records of a build that made a few jobs again (`updating`) are saved as one appended segment of those jobs,
    /// and read back as the whole set.
    @Test func updatedRecordsAppendTheirJobsAndReadBackWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("records-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = { (path: String, size: Int) in PageRecords.Written(path: path, size: size, modified: 7) }
        PageRecords(ordered: (0 ..< 50).map { (id: "p\($0)/", job: .init(fingerprint: UInt64($0), files: [file("p\($0).html", 1)])) },
                    environment: 9).save(to: folder)
        let url = folder.appendingPathComponent(PageRecords.fileName)
        let before = try Data(contentsOf: url)
        let loaded = PageRecords.load(from: folder)
        let updated = loaded.updating([(id: "p3/", job: .init(fingerprint: 99, files: [file("p3.html", 2)])),
                                       (id: "new/", job: .init(fingerprint: 5, files: [file("new.html", 3), file("new.json", 4)]))])
        #expect(updated.jobs.count == 51 && updated.jobs["p3/"]?.fingerprint == 99 && updated.jobs["p4/"] == loaded.jobs["p4/"])
        updated.save(to: folder, replacing: loaded)
        let after = try Data(contentsOf: url)
        #expect(after.starts(with: before))
        let appended = String(decoding: after.dropFirst(before.count), as: UTF8.self).split(separator: "\n")
        #expect(appended.count == 3 && appended[0].hasPrefix("p3/\t63\t") && appended[1].hasPrefix("new/\t5\t") && appended[2].hasPrefix("end "))
        #expect(PageRecords.load(from: folder).jobs == updated.jobs)
    }

    /// An in-place update that adds and removes no file leaves the manifest alone; one that does writes it anew.
    @Test func theManifestIsWrittenOnlyWhenTheFilesMadeChange() throws {
        let site = try TestSite(SiteEditor(seed: 7).initialFiles())
        defer { site.remove() }
        let options = BuildOptions(siteDirectory: site.root)
        _ = try SiteBuilder.build(options)
        let manifest = options.output.appendingPathComponent(OutputWriter.manifestName).path
        func stamp() -> [Int] {
            var info = stat()
            _ = stat(manifest, &info)
            return [Int(info.st_ino), info.st_mtim.tv_sec, info.st_mtim.tv_nsec, Int(info.st_size)]
        }
        let before = stamp()
        let listed = try String(contentsOfFile: manifest, encoding: .utf8)
        let document = site.root.appendingPathComponent("Content/documents/doc-1.md")
        let text = try String(contentsOf: document, encoding: .utf8)
        try text.replacingOccurrences(of: "It was a long day.", with: "It was a longer day.").write(to: document, atomically: true, encoding: .utf8)
        let edited = try SiteBuilder.build(options)
        #expect(edited.updatedInPlace && edited.renderedFileCount > 0)
        #expect(stamp() == before, "the manifest was written again though no file came or went")
        #expect(try String(contentsOfFile: manifest, encoding: .utf8) == listed)

        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/documents/doc-5.md"))
        let removed = try SiteBuilder.build(options)
        #expect(removed.updatedInPlace)
        let after = try String(contentsOfFile: manifest, encoding: .utf8)
        #expect(stamp() != before && after != listed)
        #expect(!after.contains("documents/doc-5/") && listed.contains("documents/doc-5/"))
        let lines = after.split(separator: "\n").map(String.init)
        #expect(lines == lines.sorted() && Set(lines) == Set(FileTree.listFiles(under: options.output.path)).subtracting([OutputWriter.manifestName]))

        // Files added among the others (a document that sorts in the middle): the manifest the update merges is the one a
        // clean build writes.
        try text.replacingOccurrences(of: "title:", with: "title: New").write(to: site.root.appendingPathComponent("Content/documents/doc-2b.md"),
                                                                                  atomically: true, encoding: .utf8)
        #expect(try SiteBuilder.build(options).updatedInPlace)
        let merged = try Data(contentsOf: URL(fileURLWithPath: manifest))
        #expect(String(decoding: merged, as: UTF8.self).contains("documents/doc-2b/"))
        let clean = FileManager.default.temporaryDirectory.appendingPathComponent("clean-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: clean) }
        _ = try SiteBuilder.build(BuildOptions(siteDirectory: site.root, outputDirectory: clean))
        #expect(merged == (try Data(contentsOf: clean.appendingPathComponent(OutputWriter.manifestName))))
    }
}
