import Foundation
import Testing
@testable import ScholiaModel

@Suite struct FileStampsTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stamps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Sets a file's modification time, as `touch -d` or a copy that keeps times would.
    private func setModified(_ path: String, seconds: Int) {
        var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        _ = utimensat(AT_FDCWD, path, &times, 0)
    }

    @Test func aFileIsHashedByItsBytes() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.md").path
        try Data("hello".utf8).write(to: URL(fileURLWithPath: path))
        #expect(FileStamps().hash(of: path) == FileStamps.hash(Data("hello".utf8)))
        #expect(FileStamps().hash(of: dir.appendingPathComponent("missing").path) == nil)
    }

    @Test func theChangesSinceTheLastStampsAreTheFilesWhoseBytesDiffer() throws {
        let dir = try folder(), cache = dir.appendingPathComponent("cache")
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = dir.path + "/Content/"
        try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
        let paths = ["a.md", "b.md", "c.md"].map { content + $0 }
        for path in paths { try Data("text of \(path)".utf8).write(to: URL(fileURLWithPath: path)) }
        let first = FileStamps()
        for path in paths + [dir.path + "/site.yml"] { _ = first.hash(of: path) }
        first.save(to: cache)
        // One file rewritten with other bytes, one with the same: only the first changed.
        try Data("new text".utf8).write(to: URL(fileURLWithPath: paths[0]))
        try Data("text of \(paths[1])".utf8).write(to: URL(fileURLWithPath: paths[1]))
        let second = FileStamps.read(from: cache)
        for path in paths { _ = second.hash(of: path) }
        #expect(second.changes(under: content) == [paths[0]])
        // A file added or gone is not a change of bytes: no answer.
        let added = FileStamps.read(from: cache)
        for path in paths + [content + "d.md"] { _ = added.hash(of: path) }
        #expect(added.changes(under: content) == nil)
        let gone = FileStamps.read(from: cache)
        for path in paths.dropLast() { _ = gone.hash(of: path) }
        #expect(gone.changes(under: content) == nil)
        // Nor are files the stamps cannot hold.
        let odd = FileStamps.read(from: cache)
        for path in paths { _ = odd.hash(of: path) }
        _ = odd.hash(of: content + "tab\there.md")
        #expect(odd.changes(under: content) == nil)
    }

    @Test func anUnchangedFileIsNotReadAgainButAnEditIsSeenEvenWithItsOldTime() throws {
        let dir = try folder(), cache = dir.appendingPathComponent("cache")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.md").path
        try Data("first".utf8).write(to: URL(fileURLWithPath: path))
        setModified(path, seconds: 1_000_000_000)
        // Stamps taken within a second of a change are not trusted (the next test), so these are taken later.
        Thread.sleep(forTimeInterval: 1.1)
        let first = FileStamps()
        let firstHash = first.hash(of: path)
        first.save(to: cache)

        // Same bytes, stamp unchanged: the stamp's hash is used and the file is not read.
        let second = FileStamps.read(from: cache)
        #expect(second.hash(of: path) == firstHash)
        #expect(second.filesRead == 0)

        // Same size, the old modification time put back: the change time still tells.
        try Data("fir5t".utf8).write(to: URL(fileURLWithPath: path))
        setModified(path, seconds: 1_000_000_000)
        let third = FileStamps.read(from: cache)
        #expect(third.hash(of: path) == FileStamps.hash(Data("fir5t".utf8)))
        #expect(third.filesRead == 1)
    }

    @Test func aFileChangedAsTheStampsWereTakenIsReadAgain() throws {
        let dir = try folder(), cache = dir.appendingPathComponent("cache")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.md").path
        try Data("one".utf8).write(to: URL(fileURLWithPath: path))
        let stamps = FileStamps()
        _ = stamps.hash(of: path)
        stamps.save(to: cache)
        // Within the same second: size, times and inode may all look the same, so the bytes are read.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.write(contentsOf: Data("two".utf8))
        try handle.close()
        #expect(FileStamps.read(from: cache).hash(of: path) == FileStamps.hash(Data("two".utf8)))
    }

    /// Stamps serve one build: a file is looked at once (the build key, then the document's key agree), and a
    /// change made during the build is seen by the next one.
    @Test func aFileIsLookedAtOncePerBuildAndAChangeDuringItIsSeenNextTime() throws {
        let dir = try folder(), cache = dir.appendingPathComponent("cache")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.md").path
        try Data("one".utf8).write(to: URL(fileURLWithPath: path))
        let stamps = FileStamps()
        #expect(stamps.hash(of: path) == FileStamps.hash(Data("one".utf8)))
        try Data("two!".utf8).write(to: URL(fileURLWithPath: path))
        #expect(stamps.hash(of: path) == FileStamps.hash(Data("one".utf8)))
        #expect(stamps.filesRead == 1)
        stamps.save(to: cache)
        #expect(FileStamps.read(from: cache).hash(of: path) == FileStamps.hash(Data("two!".utf8)))
    }

    @Test func aDamagedStampsFileIsIgnored() throws {
        let dir = try folder(), cache = dir.appendingPathComponent("cache")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.md").path
        try Data("one".utf8).write(to: URL(fileURLWithPath: path))
        setModified(path, seconds: 1_000_000_000)
        let stamps = FileStamps()
        _ = stamps.hash(of: path)
        stamps.save(to: cache)
        let file = cache.appendingPathComponent(FileStamps.fileName)
        var text = try String(contentsOf: file, encoding: .utf8)
        // A forged hash with the right stamp: the checksum in the header no longer matches, so nothing is trusted.
        text = text.replacingOccurrences(of: String(FileStamps.hash(Data("one".utf8)), radix: 16), with: "abc")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let reread = FileStamps.read(from: cache)
        #expect(reread.hash(of: path) == FileStamps.hash(Data("one".utf8)))
        #expect(reread.filesRead == 1)
    }
}
