import Foundation

/// Bytes kept between builds by the fingerprint of what they were made from (the search index's part of each
/// document). Thread-safe. Saving keeps only what this build looked up or stored, so the entries of deleted or
/// changed documents go with the build that no longer asks for them.
package final class DataCache: @unchecked Sendable {
    private var entries: [UInt64: Data] = [:]
    private var used: Set<UInt64> = []
    private var changed = false
    private let lock = NSLock()
    /// How many entries were stored (made anew) since the cache was made or read.
    package private(set) var storeCount = 0
    package var count: Int { lock.withLock { entries.count } }

    package init() {}

    package func data(for key: UInt64) -> Data? {
        lock.withLock {
            guard let data = entries[key] else { return nil }
            used.insert(key)
            return data
        }
    }

    package func store(_ data: Data, for key: UInt64) {
        lock.withLock {
            entries[key] = data
            used.insert(key)
            changed = true
            storeCount += 1
        }
    }

    /// Drops what was not used since the last call: a long-lived cache (the preview's) keeps only the current site's.
    package func forgetUnused() {
        lock.withLock {
            if entries.count != used.count { changed = true }
            entries = entries.filter { used.contains($0.key) }
            used = []
        }
    }

    /// The first line: Scholia's version, the cache's name and a fingerprint of the rest, so that a file cut short,
    /// edited or written by another version is not trusted. Then per entry: key, length (8 bytes each, little-endian), bytes.
    private static func header(_ name: String, for body: Data) -> Data {
        var check = Fingerprint()
        check.add(body)
        return Data("scholia-\(name) \(ScholiaVersion.current) \(check.hex)\n".utf8)
    }

    /// The cache `name` a build left in `folder`; a missing, broken or foreign one is an empty cache.
    package static func read(from folder: URL, name: String) -> DataCache {
        let cache = DataCache()
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
              let newline = data.firstIndex(of: 0x0A) else { return cache }
        let body = data[(newline + 1)...]
        guard data[..<(newline + 1)] == header(name, for: Data(body)) else { return cache }
        var entries: [UInt64: Data] = [:]
        let complete = body.withUnsafeBytes { bytes -> Bool in
            var offset = 0
            while offset < bytes.count {
                guard bytes.count - offset >= 16 else { return false }
                let key = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                let length = Int(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
                offset += 16
                guard length >= 0, length <= bytes.count - offset else { return false }
                entries[key] = Data(bytes[offset..<offset + length])
                offset += length
            }
            return true
        }
        if complete { cache.entries = entries }
        return cache
    }

    /// Writes the entries used by this build, if anything changed; nothing else is kept.
    package func save(to folder: URL, name: String) {
        let body: Data? = lock.withLock {
            guard changed || entries.count != used.count else { return nil }
            var body = Data()
            for key in used.sorted() {
                guard let data = entries[key] else { continue }
                withUnsafeBytes(of: key.littleEndian) { body.append(contentsOf: $0) }
                withUnsafeBytes(of: UInt64(data.count).littleEndian) { body.append(contentsOf: $0) }
                body.append(data)
            }
            return body
        }
        guard let body else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? (Self.header(name, for: body) + body).write(to: folder.appendingPathComponent(name), options: .atomic)
    }
}
