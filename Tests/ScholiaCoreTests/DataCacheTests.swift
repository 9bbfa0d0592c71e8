import Foundation
import Testing
@testable import ScholiaModel

@Suite struct DataCacheTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("data-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func whatABuildMadeIsReadBackAndAppendedToTheFile() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = DataCache()
        first.store(Data("one".utf8), for: 1)
        first.store(Data(), for: 2)
        first.store(Data([0, 10, 255]), for: UInt64.max)
        first.save(to: dir, name: "test")

        let second = DataCache.read(from: dir, name: "test")
        #expect(second.count == 3)
        #expect(second.data(for: 1) == Data("one".utf8))
        #expect(second.data(for: UInt64.max) == Data([0, 10, 255]))
        #expect(second.data(for: 2) == Data())
        #expect(second.data(for: 3) == nil)
        #expect(second.storeCount == 0)
        let size = try Data(contentsOf: dir.appendingPathComponent("test")).count
        second.store(Data("four".utf8), for: 4)
        second.store(Data("ONE".utf8), for: 1)
        second.save(to: dir, name: "test")
        // Appended: the file grew by two records, and the later record of key 1 is the one read.
        #expect(try Data(contentsOf: dir.appendingPathComponent("test")).count == size + 2 * 24 + 7)
        let third = DataCache.read(from: dir, name: "test")
        #expect(third.data(for: 1) == Data("ONE".utf8))
        #expect(third.data(for: 4) == Data("four".utf8))
    }

    @Test func whatNoBuildAsksForGoesWhenItOutweighsTheRest() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = DataCache()
        for key in 1...10 as ClosedRange<UInt64> { first.store(Data(repeating: UInt8(key), count: 100), for: key) }
        first.save(to: dir, name: "test")
        // A build that uses 2 of the 10: the other 8 outweigh them, so the file is written anew without them.
        let second = DataCache.read(from: dir, name: "test")
        _ = second.data(for: 1)
        second.store(Data("new".utf8), for: 11)
        second.save(to: dir, name: "test")
        let third = DataCache.read(from: dir, name: "test")
        #expect(third.count == 2)
        #expect(third.data(for: 1) == Data(repeating: 1, count: 100))
        #expect(third.data(for: 11) == Data("new".utf8))
    }

    /// A record cut short ends the file; a damaged one is never given, and once met, the next save writes the file anew.
    @Test func aDamagedRecordIsNotGivenAndTheNextSaveWritesAnew() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = DataCache()
        cache.store(Data(repeating: 7, count: 100), for: 42)
        cache.store(Data(repeating: 8, count: 100), for: 43)
        cache.save(to: dir, name: "test")
        let file = dir.appendingPathComponent("test")
        let good = try Data(contentsOf: file)
        var flipped = good
        flipped[flipped.count - 1] ^= 1
        for (index, data) in [good.prefix(good.count - 1), flipped].enumerated() {
            try data.write(to: file)
            let read = DataCache.read(from: dir, name: "test")
            #expect(read.data(for: 43) == nil, "case \(index)")
            #expect(read.data(for: 42) == Data(repeating: 7, count: 100), "case \(index)")
            // Appending after a damaged record would hide what is appended: the file is written anew.
            read.store(Data("x".utf8), for: 44)
            read.save(to: dir, name: "test")
            let again = DataCache.read(from: dir, name: "test")
            #expect(again.count == 2, "case \(index)")
            #expect(again.data(for: 44) == Data("x".utf8), "case \(index)")
        }
        let header = String(decoding: good.prefix(while: { $0 != 0x0A }), as: UTF8.self)
        let foreign = Data(header.replacingOccurrences(of: ScholiaVersion.current, with: "0.0.1").utf8) + good.drop(while: { $0 != 0x0A })
        for (index, data) in [foreign, Data("garbage".utf8), Data()].enumerated() {
            try data.write(to: file)
            #expect(DataCache.read(from: dir, name: "test").count == 0, "foreign case \(index)")
        }
        #expect(DataCache.read(from: dir, name: "missing").count == 0)
    }

    /// Records are checked when asked for: a damaged one not asked for costs nothing, and what a build keeps
    /// without reading it is still there after a save that writes the file anew.
    @Test func recordsAreCheckedWhenAskedForAndKeptWithoutReading() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = DataCache()
        for key in 1...10 as ClosedRange<UInt64> { first.store(Data(repeating: UInt8(key), count: 100), for: key) }
        first.save(to: dir, name: "test")
        var bytes = try Data(contentsOf: dir.appendingPathComponent("test"))
        bytes[bytes.count - 1] ^= 1 // the last record, key 10, damaged
        try bytes.write(to: dir.appendingPathComponent("test"))
        let second = DataCache.read(from: dir, name: "test")
        #expect(second.data(for: 1) == Data(repeating: 1, count: 100))
        second.keep(2...9 as ClosedRange<UInt64>)
        #expect(second.data(for: 10) == nil)
        second.save(to: dir, name: "test")
        let third = DataCache.read(from: dir, name: "test")
        #expect(third.count == 9)
        for key in 1...9 as ClosedRange<UInt64> { #expect(third.data(for: key) == Data(repeating: UInt8(key), count: 100)) }
        #expect(third.data(for: 10) == nil)
    }

    @Test func aLongLivedCacheForgetsWhatARenderDidNotUse() {
        let cache = DataCache()
        cache.store(Data("a".utf8), for: 1)
        cache.store(Data("b".utf8), for: 2)
        cache.forgetUnused()
        #expect(cache.count == 2)
        _ = cache.data(for: 2)
        cache.forgetUnused()
        #expect(cache.count == 1)
        #expect(cache.data(for: 2) == Data("b".utf8))
    }
}
