import Foundation

/// Fingerprints of files' bytes, remembered with each file's size, times and inode, so that a build does not
/// read every file of a large site to learn that it did not change (git's index does the same). Only a file
/// whose change time (`ctime`: any write or rename sets it, and no tool can set it back) is more than a second
/// older than the stamps is trusted by its stamp; any other is read again, so an edit in the same clock tick
/// as the last build, or an old modification time put back by a copy, is still seen.
package final class FileStamps: @unchecked Sendable {
    struct Stamp {
        var size: Int64, modified: Int64, changed: Int64, inode: UInt64
        var hash: UInt64
    }

    private var known: [String: Stamp] = [:]
    private var seen: [String: Stamp] = [:]
    /// When the stamps in `known` were taken (nanoseconds since 1970); 0 for none.
    private var takenAt: Int64 = 0
    private let startedAt = FileStamps.now()
    private let lock = NSLock()
    /// How many files were hashed but left out of `seen`, their names not fitting the file.
    private var unstamped = 0
    /// How many files were read to be hashed (the others were known by their stamp).
    private(set) var filesRead = 0

    static let fileName = "file-stamps"

    package init() {}

    /// The fingerprint of the file's bytes (as `Fingerprint.add(Data)` gives it), or nil when it cannot be read.
    /// A file looked at before through these stamps is not looked at again: stamps serve one build (the build key,
    /// then each document's key), whose inputs are taken as they were when it first saw them. A file changed since
    /// then has a change time after `startedAt`, so the next build reads it again.
    package func hash(of path: String) -> UInt64? {
        // The loader asks for each document's files, which the build key has stamped: answered without the batch's lists.
        if let thisBuild = lock.withLock({ seen[path] }) { return thisBuild.hash }
        return hashes(of: [path])[0]
    }

    /// The fingerprints of the files `paths` (`hash(of:)`), the lock taken twice for them all, to look and to record,
    /// not twice per file: the build key looks at every file of the site, on every core, and the cores waited on it.
    package func hashes(of paths: [String]) -> [UInt64?] {
        let before = lock.withLock { paths.map { (thisBuild: seen[$0], previous: known[$0]) } }
        var looked: [(path: String, stamp: Stamp?, read: Bool)] = []
        let hashes = zip(paths, before).map { path, before -> UInt64? in
            if let thisBuild = before.thisBuild { return thisBuild.hash }
            let (stamp, read) = look(at: path, previous: before.previous)
            looked.append((path, stamp, read))
            return stamp?.hash
        }
        lock.withLock {
            for (path, stamp, read) in looked {
                if read { filesRead += 1 }
                // A name with a tab or a line break in it does not fit the file's format: it is simply read every time.
                if let stamp, !Self.breaksTheFormat(path) { seen[path] = stamp } else { unstamped += 1 }
            }
        }
        return hashes
    }

    /// The file's stamp now, its fingerprint taken from `previous` when the file is surely the same, else from its bytes
    /// (`read`); nil when it cannot be read.
    private func look(at path: String, previous: Stamp?) -> (stamp: Stamp?, read: Bool) {
        var info = stat()
        guard stat(path, &info) == 0 else { return (nil, false) }
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        let changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        var stamp = Stamp(size: Int64(info.st_size), modified: modified, changed: changed, inode: UInt64(info.st_ino), hash: 0)
        let racy = max(modified, changed) >= takenAt - 1_000_000_000
        if let previous, !racy, previous.size == stamp.size, previous.modified == modified, previous.changed == changed, previous.inode == stamp.inode {
            stamp.hash = previous.hash
            return (stamp, false)
        }
        guard let data = FileManager.default.contents(atPath: path) else { return (nil, false) }
        stamp.hash = Self.hash(data)
        return (stamp, true)
    }

    /// Whether this build looked at the file `path` (a full path): once it has its key, whether `Content/` has that file.
    package func wasSeen(_ path: String) -> Bool { lock.withLock { seen[path] != nil } }

    /// The files under `folder` (a path ending in "/") whose bytes differ from the stamps read, those of the last build,
    /// once this build has looked at every file there; nil when the files are not the same files (one added or gone),
    /// or one could not be compared (unreadable, or a name the stamps file cannot hold).
    package func changes(under folder: String) -> Set<String>? {
        lock.withLock {
            guard unstamped == 0 else { return nil }
            let now = seen.filter { $0.key.hasPrefix(folder) }
            guard now.count == known.keys.count(where: { $0.hasPrefix(folder) }) else { return nil }
            var changed: Set<String> = []
            for (path, stamp) in now {
                guard let before = known[path] else { return nil }
                if before.hash != stamp.hash { changed.insert(path) }
            }
            return changed
        }
    }

    /// Whether the path has a tab or a line break. Checked on the bytes first: walking characters costs more
    /// than the rest of a stamp, and a path of plain ASCII letters has neither.
    static func breaksTheFormat(_ path: String) -> Bool {
        guard path.utf8.contains(where: { (0x09...0x0D).contains($0) || $0 >= 0x80 }) else { return false }
        return path.contains(where: { $0 == "\t" || $0.isNewline })
    }

    package static func hash(_ data: Data) -> UInt64 {
        var fingerprint = Fingerprint()
        fingerprint.add(data)
        return fingerprint.value
    }

    /// The stamps a build left in `folder`; a missing, broken or foreign file gives none (every file is read).
    package static func read(from folder: URL) -> FileStamps {
        let stamps = FileStamps()
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path),
              let newline = data.firstIndex(of: 0x0A) else { return stamps }
        let body = Data(data[(newline + 1)...])
        let header = String(decoding: data[..<newline], as: UTF8.self).split(separator: " ")
        guard header.count == 4, header[0] == "scholia-file-stamps", header[1] == ScholiaVersion.current,
              header[3] == Self.check(body), let takenAt = Int64(header[2]) else { return stamps }
        let bytes = [UInt8](body)
        let valid = TabbedText.forEachLine(bytes) { fields in
            guard fields.count == 6, let size = TabbedText.decimal(bytes, fields[1]), let modified = TabbedText.decimal(bytes, fields[2]),
                  let changed = TabbedText.decimal(bytes, fields[3]), let inode = TabbedText.decimal(bytes, fields[4]).flatMap(UInt64.init(exactly:)),
                  let hash = TabbedText.hex(bytes, fields[5]) else { return false }
            stamps.known[TabbedText.string(bytes, fields[0])] = Stamp(size: size, modified: modified, changed: changed, inode: inode, hash: hash)
            return true
        }
        guard valid else { return FileStamps() }
        stamps.takenAt = takenAt
        return stamps
    }

    /// Saves the stamps of the files looked at since these stamps were made, as taken when that began.
    package func save(to folder: URL) {
        let body = lock.withLock {
            seen.keys.sorted().map { path in
                let stamp = seen[path]!
                return "\(path)\t\(stamp.size)\t\(stamp.modified)\t\(stamp.changed)\t\(stamp.inode)\t\(String(stamp.hash, radix: 16))\n"
            }.joined()
        }
        let data = Data(body.utf8)
        let header = "scholia-file-stamps \(ScholiaVersion.current) \(startedAt) \(Self.check(data))\n"
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? (Data(header.utf8) + data).write(to: folder.appendingPathComponent(Self.fileName), options: .atomic)
    }

    private static func check(_ body: Data) -> String {
        var check = Fingerprint()
        check.add(body)
        return check.hex
    }

    private static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
