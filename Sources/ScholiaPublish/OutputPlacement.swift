import Foundation
import ScholiaModel

/// Where a build may put its output: never inside what it reads (it would copy itself into itself on every
/// build) and never over the site itself (the swap would replace the site with its output).
package enum OutputPlacement {
    /// Why `output` cannot receive the site built from `site`, or nil when it can.
    package static func problem(output: URL, site: URL) -> String? {
        let out = FileTree.realPath(output), root = FileTree.realPath(site)
        if out == "/" || out == root || root.hasPrefix(out + "/") {
            return "the output folder \(output.path) holds the site itself; choose a folder of its own, such as \(site.path)/Public"
        }
        for input in SiteLayout.inputs {
            let inputPath = FileTree.realPath(site.appendingPathComponent(input))
            if out == inputPath || out.hasPrefix(inputPath + "/") {
                return "the output folder \(output.path) is inside the site's input \(input); the build would read its own output. Choose a folder outside Content/ and Templates/, such as \(site.path)/Public"
            }
        }
        return nil
    }
}
