import Foundation
import ScholiaModel

/// Lists the files of a folder of the site's inputs, the same way for every folder: hidden names are skipped;
/// a symbolic link is followed only when its target is inside the site (a link out of it could publish any
/// file of the machine, such as `/etc/passwd`), anything else is an error naming the link; a file or folder
/// that cannot be read is an error, never taken for an empty one.
struct InputFolder {
    /// The site folder with its links resolved: where links may lead.
    let siteRoot: String

    init(siteDirectory: URL) {
        siteRoot = FileTree.realPath(siteDirectory)
    }

    /// The regular files below `directory` as sorted relative paths (below its subfolders too when
    /// `recursive`). A missing folder has no files; `display` is the folder's path in messages.
    func files(under directory: URL, display: String, recursive: Bool, _ diagnostics: inout DiagnosticList) -> [String] {
        var found: [String] = []
        var visited: Set<String> = []
        walk(directory.path, relative: "", display: display, recursive: recursive, visited: &visited, found: &found, &diagnostics)
        return found.sorted()
    }

    private func walk(_ path: String, relative: String, display: String, recursive: Bool, visited: inout Set<String>,
                      found: inout [String], _ diagnostics: inout DiagnosticList) {
        // A folder reached twice through links would be read forever.
        guard visited.insert(FileTree.realPath(URL(fileURLWithPath: path))).inserted else { return }
        guard let directory = opendir(path) else {
            if errno == ENOENT && relative.isEmpty { return }
            diagnostics.error("cannot read the folder: \(String(cString: strerror(errno)))", at: SourceLocation(path: join(display, relative)))
            return
        }
        defer { closedir(directory) }
        // The entry's type comes with its name: only links and entries of unknown type need an lstat.
        var entries: [(name: String, type: Int32)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            if !name.hasPrefix(".") { entries.append((name, Int32(entry.pointee.d_type))) }
        }
        // Files are checked from the open folder, not from the root: a large site has ten thousand in one folder.
        let folder = dirfd(directory)
        for (name, type) in entries.sorted(by: { $0.name < $1.name }) {
            let child = join(relative, name), full = path + "/" + name, location = SourceLocation(path: join(display, child))
            var info = stat()
            switch type {
            case Int32(DT_REG): info.st_mode = S_IFREG
            case Int32(DT_DIR): info.st_mode = S_IFDIR
            default: guard lstat(full, &info) == 0 else { continue }
            }
            if (info.st_mode & S_IFMT) == S_IFLNK {
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? "?"
                guard let resolved = realpath(full, nil) else {
                    diagnostics.error("a symbolic link to \(target), which does not exist", at: location)
                    continue
                }
                let real = String(cString: resolved)
                free(resolved)
                guard real.hasPrefix(siteRoot + "/") else {
                    diagnostics.error("a symbolic link to \(target), outside the site: only links to files inside the site folder are followed", at: location)
                    continue
                }
                guard stat(full, &info) == 0 else { continue }
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR where recursive:
                walk(full, relative: child, display: display, recursive: recursive, visited: &visited, found: &found, &diagnostics)
            case S_IFREG:
                if faccessat(folder, name, R_OK, 0) == 0 { found.append(child) } else {
                    diagnostics.error("cannot read the file: \(String(cString: strerror(errno)))", at: location)
                }
            default: continue
            }
        }
    }

    private func join(_ folder: String, _ name: String) -> String { folder.isEmpty ? name : folder + "/" + name }
}
