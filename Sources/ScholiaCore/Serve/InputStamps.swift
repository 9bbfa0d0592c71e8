import Foundation
import ScholiaModel

/// The size, times and inode of every input file (`site.yml`, `Content/`, `Templates/`), taken before a plan reads
/// them: comparing two tells which files changed in between without reading any (a stat each, some 10 ms for
/// 13,000 files, where loading the site again takes a second).
struct InputStamps {
    struct Stamp {
        var size: Int64, modified: Int64, changed: Int64, inode: UInt64
        /// The fingerprint of the bytes of a file changed within a second of the stat (see `changes`), else nil.
        var racyHash: UInt64?

        init(_ info: stat) {
            size = Int64(info.st_size)
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
            inode = UInt64(info.st_ino)
        }
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
        let takenAt = Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
        var stamps: [String: Stamp] = [:], hasLinks = false
        stamps.reserveCapacity(1024)
        /// Each entry of the folder open as `folder` (its path `prefix`), stat'ed by name relative to it: no path is
        /// built for the system to walk again, which for 10,000 files is most of the cost.
        func visit(_ folder: Int32, _ prefix: String) {
            guard let directory = fdopendir(folder) else { close(folder); return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let isHidden = withUnsafePointer(to: entry.pointee.d_name) { UnsafeRawPointer($0).load(as: CChar.self) == 0x2E }
                if isHidden { continue }  // ".", "..", and hidden files, which no stage reads
                let name = withUnsafePointer(to: entry.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
                var info = stat()
                guard fstatat(dirfd(directory), name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    let child = openat(dirfd(directory), name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                    if child >= 0 { visit(child, prefix + name + "/") }
                case S_IFLNK:
                    hasLinks = true
                default:
                    let path = prefix + name
                    var stamp = Stamp(info)
                    if max(stamp.modified, stamp.changed) >= takenAt - 1_000_000_000 { stamp.racyHash = hash(site, path) }
                    stamps[path] = stamp
                }
            }
        }
        for name in topLevelNames {
            var info = stat()
            guard lstat(site.path + "/" + name, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFLNK { hasLinks = true }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let folder = open(site.path + "/" + name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                if folder >= 0 { visit(folder, name + "/") }
            } else {
                var stamp = Stamp(info)
                if max(stamp.modified, stamp.changed) >= takenAt - 1_000_000_000 { stamp.racyHash = hash(site, name) }
                stamps[name] = stamp
            }
        }
        return InputStamps(stamps: stamps, site: site, hasLinks: hasLinks)
    }

    /// These stamps with those of `paths` (relative to the site folder, as the watcher names them) taken again, and
    /// the paths among them that changed since; nil when the stat of a path cannot stand for a scan: a folder, or a
    /// path outside the inputs. A path that is gone loses its stamp; hidden files stay out, as in `take`.
    func updating(_ paths: Set<String>) -> (stamps: InputStamps, changed: Set<String>)? {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        let takenAt = Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
        var stamps = stamps, hasLinks = hasLinks, changed: Set<String> = []
        for path in paths {
            let components = path.split(separator: "/", omittingEmptySubsequences: false)
            guard let top = components.first, Self.topLevelNames.contains(String(top)), (top == "site.yml") == (components.count == 1),
                  !components.contains(where: { $0.isEmpty || $0 == ".." }) else { return nil }
            if components.contains(where: { $0.hasPrefix(".") }) { continue }
            let before = stamps[path]
            var info = stat()
            if lstat(site.path + "/" + path, &info) != 0 {
                guard errno == ENOENT || errno == ENOTDIR else { return nil }
                stamps[path] = nil
            } else {
                switch info.st_mode & S_IFMT {
                case S_IFDIR: return nil
                case S_IFLNK: hasLinks = true
                default:
                    var stamp = Stamp(info)
                    if max(stamp.modified, stamp.changed) >= takenAt - 1_000_000_000 { stamp.racyHash = Self.hash(site, path) }
                    stamps[path] = stamp
                }
            }
            if !Self.same(stamps[path], before, site, path) { changed.insert(path) }
        }
        return (InputStamps(stamps: stamps, site: site, hasLinks: hasLinks), changed)
    }

    /// Whether a file's two stamps (nil: no file) tell it did not change; see `changes` for the racy hash.
    private static func same(_ now: Stamp?, _ before: Stamp?, _ site: URL, _ path: String) -> Bool {
        guard let now, let before else { return now == nil && before == nil }
        var same = now.size == before.size && now.modified == before.modified && now.changed == before.changed && now.inode == before.inode
        if same, let racyHash = before.racyHash { same = (now.racyHash ?? hash(site, path)) == racyHash }
        return same
    }

    private static func hash(_ site: URL, _ relative: String) -> UInt64 {
        FileStamps.hash(FileManager.default.contents(atPath: site.path + "/" + relative) ?? Data())
    }

    /// The files added, removed or changed since `earlier`. A file whose times were within a second of `earlier`'s
    /// stat is read again when its stamp is the same: a second write in the same clock tick, of the same size, would
    /// leave the stamp as it was (git's "racy" files), so its bytes were fingerprinted then and are compared now.
    func changes(since earlier: InputStamps) -> Set<String> {
        var changed: Set<String> = []
        var kept = 0
        for (path, now) in stamps {
            guard let before = earlier.stamps[path] else { changed.insert(path); continue }
            kept += 1
            if !Self.same(now, before, site, path) { changed.insert(path) }
        }
        if kept < earlier.stamps.count {
            for path in earlier.stamps.keys where stamps[path] == nil { changed.insert(path) }
        }
        return changed
    }
}
