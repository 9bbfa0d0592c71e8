import Foundation

/// Where a build may put its output: never inside what it reads (it would copy itself into itself on every
/// build) and never over the site itself (the swap would replace the site with its output).
public enum OutputPlacement {
    static let inputs = ["Content", "Templates", BuildCache.folderName, "site.yml"]

    /// Why `output` cannot receive the site built from `site`, or nil when it can.
    public static func problem(output: URL, site: URL) -> String? {
        let out = realPath(output), root = realPath(site)
        if out == "/" || out == root || root.hasPrefix(out + "/") {
            return "the output folder \(output.path) holds the site itself; choose a folder of its own, such as \(site.path)/Public"
        }
        for input in inputs {
            let inputPath = realPath(site.appendingPathComponent(input))
            if out == inputPath || out.hasPrefix(inputPath + "/") {
                return "the output folder \(output.path) is inside the site's input \(input); the build would read its own output. Choose a folder outside Content/ and Templates/, such as \(site.path)/Public"
            }
        }
        return nil
    }

    /// The path with every symbolic link resolved in the part of it that exists.
    static func realPath(_ url: URL) -> String {
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
}
