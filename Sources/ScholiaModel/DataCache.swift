import Foundation

/// Bytes kept between builds by the fingerprint of what they were made from (the search index's part of each
/// document). Thread-safe. On disk, a log: a header line, then records (key, length, a fingerprint of the bytes,
/// the bytes). Saving appends what this build made; when the records no build asked for outweigh the others,
/// the file is written anew with only what this build used.
///
/// The file is mapped, not read: a record's bytes are checked against its fingerprint when it is first asked
/// for, so that a build that needs a few records (an edit) neither reads nor holds the others. A damaged record
/// is never given; once one is met, the next save writes the file anew. A record cut short ends the file there.
package final class DataCache: @unchecked Sendable {
    private var entries: [UInt64: Data] = [:]
    /// Records of the file not yet asked for: where their bytes are and their fingerprint (the last record of a key wins).
    private var recorded: [UInt64: (bytes: Range<Int>, check: UInt64)] = [:]
    private var file = Data()
    private var used: Set<UInt64> = []
    /// Keys stored since the cache was read, in order: what saving appends.
    private var stored: [UInt64] = []
    /// Bytes of records in the file as read (the header's excluded), and whether there was a usable file.
    private var fileBytes = 0
    private var fileIsUsable = false
    private let lock = NSLock()
    /// How many entries were stored (made anew) since the cache was made or read.
    package var storeCount: Int { lock.withLock { stored.count } }
    /// How many keys the cache holds (a damaged record not yet asked for counts). A key is in one table or the other.
    package var count: Int { lock.withLock { entries.count + recorded.count } }

    package init() {}

    package func data(for key: UInt64) -> Data? {
        lock.withLock {
            guard let data = checked(key) else { return nil }
            used.insert(key)
            return data
        }
    }

    /// The entry of `key` without keeping it: what a build reads of an entry it replaces.
    package func peek(_ key: UInt64) -> Data? {
        lock.withLock { checked(key) }
    }

    /// Keeps the entries of `keys` for the next build without reading them.
    package func keep(_ keys: some Sequence<UInt64>) {
        lock.withLock { used.formUnion(keys) }
    }

    package func store(_ data: Data, for key: UInt64) {
        lock.withLock {
            entries[key] = data
            recorded[key] = nil
            used.insert(key)
            stored.append(key)
        }
    }

    /// Drops what was not used since the last call: a long-lived cache (the preview's) keeps only the current site's.
    package func forgetUnused() {
        lock.withLock {
            entries = entries.filter { used.contains($0.key) }
            recorded = recorded.filter { used.contains($0.key) }
            used = []
        }
    }

    /// The entry of `key`, its record checked on first use (the lock held).
    private func checked(_ key: UInt64) -> Data? {
        if let data = entries[key] { return data }
        guard let record = recorded.removeValue(forKey: key) else { return nil }
        var fingerprint = Fingerprint()
        file.withUnsafeBytes { fingerprint.add(bytes: UnsafeRawBufferPointer(rebasing: $0[record.bytes])) }
        guard fingerprint.value == record.check else {
            fileIsUsable = false
            return nil
        }
        let data = file.subdata(in: record.bytes)
        entries[key] = data
        return data
    }

    private static func header(_ name: String) -> Data { Data("scholia-\(name) \(ScholiaVersion.current) log\n".utf8) }
    private static let recordHead = 24

    /// The cache `name` a build left in `folder`; a missing or foreign one is an empty cache.
    package static func read(from folder: URL, name: String) -> DataCache {
        let cache = DataCache()
        let header = header(name)
        guard let data = Data.mappedFile(at: folder.appendingPathComponent(name), startingWith: header) else { return cache }
        cache.file = data
        data.withUnsafeBytes { bytes in
            var offset = header.count
            while bytes.count - offset >= recordHead {
                let key = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                let length = Int(truncatingIfNeeded: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
                let check = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
                guard length >= 0, length <= bytes.count - offset - recordHead else { break }
                cache.recorded[key] = ((offset + recordHead)..<(offset + recordHead + length), check)
                offset += recordHead + length
            }
            cache.fileBytes = offset - header.count
            // Records can be appended only to a file read to its end.
            cache.fileIsUsable = offset == bytes.count
        }
        return cache
    }

    /// Appends the entries made by this build, or writes the file anew with only those it used when the rest
    /// would outweigh them.
    package func save(to folder: URL, name: String) {
        let plan: (records: Data, rewrite: Bool, headerBytes: Int)? = lock.withLock {
            let liveBytes = used.reduce(0) { $0 + Self.recordHead + (entries[$1]?.count ?? recorded[$1]?.bytes.count ?? 0) }
            let appendedBytes = stored.reduce(0) { $0 + Self.recordHead + (entries[$1]?.count ?? 0) }
            let rewrite = !fileIsUsable || fileBytes + appendedBytes > 2 * liveBytes
            let keys = rewrite ? used.sorted() : stored
            guard rewrite || !keys.isEmpty else { return nil }
            // Sized once, header included: growing it, or adding the header after, would hold the bytes twice.
            let header = rewrite ? Self.header(name) : Data()
            var records = Data(capacity: header.count + (rewrite ? liveBytes : appendedBytes))
            records.append(header)
            for key in keys {
                guard let data = checked(key) else { continue }
                var fingerprint = Fingerprint()
                fingerprint.add(data)
                for word in [key, UInt64(data.count), fingerprint.value] { withUnsafeBytes(of: word.littleEndian) { records.append(contentsOf: $0) } }
                records.append(data)
            }
            return (records, rewrite, header.count)
        }
        guard let (records, rewrite, headerBytes) = plan else { return }
        let file = folder.appendingPathComponent(name)
        var written = false
        if rewrite {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            written = (try? records.write(to: file, options: .atomic)) != nil
        } else if let handle = try? FileHandle(forWritingTo: file) {
            defer { try? handle.close() }
            written = (try? handle.seekToEnd()) != nil && (try? handle.write(contentsOf: records)) != nil
        }
        lock.withLock {
            stored = []
            fileIsUsable = written
            fileBytes = rewrite ? records.count - headerBytes : fileBytes + records.count
        }
    }
}

package extension Data {
    /// The file at `url` mapped rather than read, if it starts with `header`: a large site's caches are hundreds of
    /// megabytes, mapped they are the page cache's pages rather than copies. No cache is cut short in place (each is
    /// written anew by a rename, or appended to), so a mapping keeps its pages.
    static func mappedFile(at url: URL, startingWith header: Data) -> Data? {
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped), data.starts(with: header) else { return nil }
        return data
    }
}
