import Foundation
import ScholiaModel

/// What a preview watches: `site.yml`, `Content/` and `Templates/`. Never `Public/`, so that a
/// `scholia build` beside the preview does not set off rebuilds.
struct WatchedTree: Sendable {
    static let topLevelNames: Set<String> = ["site.yml", "Content", "Templates"]
    static let folderNames = ["Content", "Templates"]

    let root: URL

    /// Editors' swap and backup files change on every keystroke and are not content.
    static func isScratch(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name.hasPrefix("#") || name == "4913"
    }

    /// Every folder under Content/ and Templates/, these two included when they exist.
    func folders() -> [URL] {
        var result: [URL] = []
        for name in Self.folderNames {
            let folder = root.appendingPathComponent(name, isDirectory: true)
            guard isDirectory(folder) else { continue }
            result.append(folder)
            // From directory entries: Foundation's enumerator looked up every file of Content/documents/, which took
            // 10 s at 100,000 documents, before the first build could start.
            // A hidden folder (`.git`, say) is not watched, nor anything in it.
            FileTree.walk(folder.path, relative: "", enters: FileTree.isVisible) { path, isDirectory in
                if isDirectory, FileTree.isVisible(path) { result.append(folder.appendingPathComponent(path, isDirectory: true)) }
            }
        }
        return result
    }

    /// A cheap fingerprint of every watched file (path, size, modification time), for the polling watcher: from directory
    /// entries and one `stat` per file (through a link, so that an edit of the file a link names shows too).
    func fingerprint() -> [String: String] {
        var result: [String: String] = [:]
        func add(_ path: String) {
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return }
            result[path] = "\(info.st_size)@\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
        add(root.appendingPathComponent("site.yml").path)
        for name in Self.folderNames {
            let folder = root.appendingPathComponent(name).path
            FileTree.walk(folder, relative: "", enters: FileTree.isVisible) { path, isDirectory in
                if !isDirectory, !Self.isScratch(String(path.split(separator: "/").last ?? "")) { add(folder + "/" + path) }
            }
        }
        return result
    }

    private func isDirectory(_ url: URL) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
    }
}
