import Foundation
import ScholiaModel

/// The size, times and inode of every input file (`site.yml`, `Content/`, `Templates/`), taken before a plan reads
/// them: comparing two tells which files changed in between without reading any (a stat each, some 10 ms for
/// 13,000 files, where loading the site again takes a second).
struct InputStamps {
    struct Stamp: Equatable {
        var size: Int64, modified: Int64, changed: Int64, inode: UInt64
        /// The fingerprint of the bytes of a file changed within a second of the stat (see `changes`), else nil.
        var racyHash: UInt64?
    }

    static let topLevelNames = ["site.yml", "Content", "Templates"]

    /// By path relative to the site folder. Hidden files, which no stage reads, are left out.
    let stamps: [String: Stamp]
    let site: URL
    /// A symbolic link is followed by the loader wherever it points in the site, so its stamp does not tell when
    /// what it leads to changes: a site with one is never compared.
    let hasLinks: Bool

    static func take(of site: URL) -> InputStamps {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        var stamps: [String: Stamp] = [:], hasLinks = false
        let takenAt = Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
        func add(_ relative: String) {
            var info = stat()
            guard lstat(site.path + "/" + relative, &info) == 0 else { return }
            if (info.st_mode & S_IFMT) == S_IFLNK { hasLinks = true }
            guard (info.st_mode & S_IFMT) != S_IFDIR else { return }
            var stamp = Stamp(size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                              changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec), inode: UInt64(info.st_ino))
            if max(stamp.modified, stamp.changed) >= takenAt - 1_000_000_000 { stamp.racyHash = hash(site, relative) }
            stamps[relative] = stamp
        }
        for name in topLevelNames {
            add(name)
            FileTree.walk(site.path + "/" + name, relative: "") { path, isDirectory in
                if !isDirectory, FileTree.isVisible(path) { add(name + "/" + path) }
            }
        }
        return InputStamps(stamps: stamps, site: site, hasLinks: hasLinks)
    }

    private static func hash(_ site: URL, _ relative: String) -> UInt64 {
        FileStamps.hash(FileManager.default.contents(atPath: site.path + "/" + relative) ?? Data())
    }

    /// The files added, removed or changed since `earlier`. A file whose times were within a second of `earlier`'s
    /// stat is read again when its stamp is the same: a second write in the same clock tick, of the same size, would
    /// leave the stamp as it was (git's "racy" files), so its bytes were fingerprinted then and are compared now.
    func changes(since earlier: InputStamps) -> Set<String> {
        var changed = Set(stamps.keys).symmetricDifference(earlier.stamps.keys)
        for (path, before) in earlier.stamps {
            guard let now = stamps[path] else { continue }
            var same = now.size == before.size && now.modified == before.modified && now.changed == before.changed && now.inode == before.inode
            if same, let racyHash = before.racyHash { same = Self.hash(site, path) == racyHash }
            if !same { changed.insert(path) }
        }
        return changed
    }
}
