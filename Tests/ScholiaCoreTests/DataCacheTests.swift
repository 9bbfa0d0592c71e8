import Foundation
import Testing
@testable import ScholiaModel

@Suite struct DataCacheTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("data-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func whatABuildUsedIsReadBackAndWhatItDidNotUseIsDropped() throws {
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
        #expect(second.data(for: 3) == nil)
        #expect(second.storeCount == 0)
        // Key 2 was not asked for: gone from the next file.
        second.save(to: dir, name: "test")
        let third = DataCache.read(from: dir, name: "test")
        #expect(third.count == 2)
        #expect(third.data(for: 2) == nil)
    }

    @Test func aBrokenCutOrForeignFileIsAnEmptyCache() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = DataCache()
        cache.store(Data(repeating: 7, count: 100), for: 42)
        cache.save(to: dir, name: "test")
        let file = dir.appendingPathComponent("test")
        let good = try Data(contentsOf: file)
        var flipped = good
        flipped[flipped.count - 1] ^= 1
        let header = String(decoding: good.prefix(while: { $0 != 0x0A }), as: UTF8.self)
        let foreign = Data(header.replacingOccurrences(of: ScholiaVersion.current, with: "0.0.1").utf8) + good.drop(while: { $0 != 0x0A })
        for (index, data) in [good.prefix(good.count - 1), flipped, foreign, Data("garbage".utf8), Data()].enumerated() {
            try data.write(to: file)
            #expect(DataCache.read(from: dir, name: "test").count == 0, "case \(index)")
        }
        #expect(DataCache.read(from: dir, name: "missing").count == 0)
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
