#if os(Linux)
import Foundation
import Glibc

/// Linux inotify: one watch on the site folder (for `site.yml` and the two folders appearing or going) and
/// one on every folder under `Content/` and `Templates/`, since inotify is not recursive. Reads on a thread
/// of its own, so that waiting for events never holds a Swift concurrency thread.
final class InotifyWatcher: ChangeWatcher, @unchecked Sendable {
    private static let folderMask = UInt32(IN_MODIFY) | UInt32(IN_ATTRIB) | UInt32(IN_CLOSE_WRITE) | UInt32(IN_CREATE)
        | UInt32(IN_DELETE) | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO) | UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)
    private static let rootMask = UInt32(IN_MODIFY) | UInt32(IN_ATTRIB) | UInt32(IN_CLOSE_WRITE) | UInt32(IN_CREATE)
        | UInt32(IN_DELETE) | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO)

    private let tree: WatchedTree
    private let descriptor: Int32
    private let rootWatch: Int32
    private let running = Locked(false)
    /// Each folder's watch, to its path from the site folder: events name a file within the folder watched. Used by
    /// the reading thread only (and by `start` before that thread runs).
    private var folderOfWatch: [Int32: String] = [:]

    init?(tree: WatchedTree) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        let rootWatch = inotify_add_watch(descriptor, tree.root.path, Self.rootMask)
        guard rootWatch >= 0 else {
            close(descriptor)
            return nil
        }
        self.tree = tree
        self.descriptor = descriptor
        self.rootWatch = rootWatch
    }

    func start(onChange: @escaping @Sendable (WatchedChange) -> Void) throws {
        running.withLock { $0 = true }
        watchFolders()
        let thread = Thread { [self] in
            readLoop(onChange)
            close(descriptor)
        }
        thread.name = "scholia inotify"
        thread.start()
    }

    /// The reading thread notices within a poll interval and closes the descriptor on its way out.
    func stop() {
        running.withLock { $0 = false }
    }

    private func watchFolders() {
        let root = tree.root.path + "/"
        for folder in tree.folders() {
            let watch = inotify_add_watch(descriptor, folder.path, Self.folderMask)
            // A folder the walk gave by another path cannot name its files: its events are left unnamed.
            if watch >= 0 { folderOfWatch[watch] = folder.path.hasPrefix(root) ? String(folder.path.dropFirst(root.count)) : nil }
        }
    }

    private func readLoop(_ onChange: @Sendable (WatchedChange) -> Void) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while running.withLock({ $0 }) {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, 200) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { continue }
            let (change, rewatch) = examine(buffer[0..<count])
            if rewatch { watchFolders() }
            if let change { onChange(change) }
        }
    }

    /// Walks the packed `inotify_event` records: wd (4 bytes), mask (4), cookie (4), len (4), name (len). The change
    /// is nil when no event concerns the site's inputs; its paths are nil when a folder came or went, or events were lost.
    private func examine(_ bytes: ArraySlice<UInt8>) -> (change: WatchedChange?, rewatch: Bool) {
        var relevant = false, rewatch = false, named = false
        var written: Set<String> = [], beingWritten: Set<String> = []
        /// Closed after writing, renamed into place, or gone: written (no longer being written); made or written to:
        /// being written. A change of attributes tells nothing (editors set them after writing).
        func track(_ path: String, _ mask: UInt32) {
            if mask & (UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO)) != 0 {
                written.insert(path)
                beingWritten.remove(path)
            } else if mask & (UInt32(IN_CREATE) | UInt32(IN_MODIFY)) != 0 {
                beingWritten.insert(path)
                written.remove(path)
            } else if mask & (UInt32(IN_DELETE) | UInt32(IN_MOVED_FROM)) != 0 {
                written.insert(path)
                beingWritten.remove(path)
            }
        }
        var paths: Set<String>? = []
        var offset = bytes.startIndex
        while offset + 16 <= bytes.endIndex {
            let watch = Int32(bitPattern: word(bytes, offset))
            let mask = word(bytes, offset + 4)
            let length = Int(word(bytes, offset + 12))
            let nameBytes = bytes[(offset + 16)..<min(offset + 16 + length, bytes.endIndex)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            offset += 16 + length
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                relevant = true
                rewatch = true
                paths = nil
                continue
            }
            if watch == rootWatch {
                guard WatchedTree.topLevelNames.contains(name) else { continue }
                relevant = true
                if name == "site.yml" {
                    paths?.insert(name)
                    track(name, mask)
                } else {
                    rewatch = true
                    paths = nil
                }
                continue
            }
            if mask & UInt32(IN_ISDIR) != 0 || mask & (UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)) != 0 {
                rewatch = true
                paths = nil
            }
            if mask & UInt32(IN_IGNORED) != 0 {
                folderOfWatch[watch] = nil
                continue
            }
            // Hidden files are no input of the site; other scratch files are (a build warns of them) but call for no build.
            if name.hasPrefix(".") { continue }
            guard let folder = folderOfWatch[watch], !name.isEmpty else {
                paths = nil
                relevant = true
                continue
            }
            let path = folder + "/" + name
            paths?.insert(path)
            named = true
            if WatchedTree.isScratch(name) { continue }
            relevant = true
            track(path, mask)
        }
        guard relevant || named else { return (nil, rewatch) }
        return (WatchedChange(paths: paths, callsForBuild: relevant, written: written, beingWritten: beingWritten), rewatch)
    }

    private func word(_ bytes: ArraySlice<UInt8>, _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}
#endif
