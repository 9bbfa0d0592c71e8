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

    func start(onChange: @escaping @Sendable () -> Void) throws {
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
        for folder in tree.folders() { _ = inotify_add_watch(descriptor, folder.path, Self.folderMask) }
    }

    private func readLoop(_ onChange: @Sendable () -> Void) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while running.withLock({ $0 }) {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, 200) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { continue }
            let (relevant, rewatch) = examine(buffer[0..<count])
            if rewatch { watchFolders() }
            if relevant { onChange() }
        }
    }

    /// Walks the packed `inotify_event` records: wd (4 bytes), mask (4), cookie (4), len (4), name (len).
    private func examine(_ bytes: ArraySlice<UInt8>) -> (relevant: Bool, rewatch: Bool) {
        var relevant = false, rewatch = false
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
                continue
            }
            if watch == rootWatch {
                guard WatchedTree.topLevelNames.contains(name) else { continue }
                relevant = true
                if name != "site.yml" { rewatch = true }
                continue
            }
            if mask & UInt32(IN_ISDIR) != 0 || mask & (UInt32(IN_DELETE_SELF) | UInt32(IN_MOVE_SELF)) != 0 {
                rewatch = true
            }
            if mask & UInt32(IN_IGNORED) != 0 { continue }
            if !name.isEmpty && WatchedTree.isScratch(name) { continue }
            relevant = true
        }
        return (relevant, rewatch)
    }

    private func word(_ bytes: ArraySlice<UInt8>, _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}
#endif
