import Foundation

/// Reading folders with plain system calls: a large site has tens of thousands of files, and Foundation's
/// per-file checks cost more than the work itself. Every stage lists files through here.
package enum FileTree {
    /// Regular files below `root` as sorted relative paths, from directory entries alone (no stat per file).
    package static func listFiles(under root: String) -> [String] {
        var files: [String] = []
        walk(root, relative: "") { path, isDirectory in if !isDirectory { files.append(path) } }
        return files.sorted()
    }

    /// The files below `root` (relative paths, unsorted, links not followed), as `walk` finds them, the folders read on
    /// every core: a site's output has a folder per document, and the check that it holds only our files reads them all
    /// on every build (100,000 folders at 100,000 documents).
    package static func filesInParallel(under root: String) -> [String] {
        var files: [String] = [], folders = [""]
        // Breadth first, until there are folders enough to share out (the output's: at the second level).
        while !folders.isEmpty, folders.count < 64 {
            var next: [String] = []
            for folder in folders {
                walk(root, relative: folder, enters: { _ in false }) { path, isDirectory in
                    if isDirectory { next.append(path) } else { files.append(path) }
                }
            }
            folders = next
        }
        let chunks = stride(from: 0, to: folders.count, by: 256).map { $0 ..< min($0 + 256, folders.count) }
        return files + chunks.parallelMap { [folders] chunk in
            var found: [String] = []
            for folder in folders[chunk] { walk(root, relative: folder) { path, isDirectory in if !isDirectory { found.append(path) } } }
            return found
        }.joined()
    }

    /// False for a path with a hidden (dot) file or folder in it, which a theme does not publish.
    package static func isVisible(_ relativePath: String) -> Bool {
        !relativePath.split(separator: "/").contains { $0.hasPrefix(".") }
    }

    /// The path with every symbolic link resolved in the part of it that exists.
    package static func realPath(_ url: URL) -> String {
        var existing = url.standardizedFileURL.path
        var missing: [String] = []
        while existing != "/" {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                return ([String(cString: resolved)] + missing.reversed()).joined(separator: "/").replacingOccurrences(of: "//", with: "/")
            }
            missing.append((existing as NSString).lastPathComponent)
            existing = (existing as NSString).deletingLastPathComponent
        }
        return "/" + missing.reversed().joined(separator: "/")
    }

    /// Visits every entry below `root` (relative path, whether it is a folder), depth first, going into the folders
    /// `enters` accepts; links are not followed.
    package static func walk(_ root: String, relative: String, enters: (String) -> Bool = { _ in true }, _ visit: (String, Bool) -> Void) {
        let path = relative.isEmpty ? root : root + "/" + relative
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            if name == "." || name == ".." { continue }
            let child = relative.isEmpty ? name : relative + "/" + name
            var isDirectory = Int32(entry.pointee.d_type) == DT_DIR
            if Int32(entry.pointee.d_type) == DT_UNKNOWN {
                var info = stat()
                isDirectory = lstat(root + "/" + child, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            if isDirectory {
                visit(child, true)
                if enters(child) { walk(root, relative: child, enters: enters, visit) }
            } else {
                visit(child, false)
            }
        }
    }
}
