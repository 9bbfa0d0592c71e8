import Foundation
import ScholiaModel
import ScholiaCore

/// The bytes of a successful build, as `scholia build` would write them, kept so that a later failed build
/// can be shown above the last good content.
struct RenderedSite: Sendable {
    /// `/` or `/hist210/`: where the site lives on its host, and so in the preview.
    let basePath: String
    /// Output path (`documents/x/index.html`) → bytes.
    let files: [String: Data]
    let warnings: [Diagnostic]

    /// Renders in memory and reads the copied assets, so that nothing is written and `Public/` is never touched.
    /// The session renders again only what changed since its last render.
    static func render(_ session: SiteSession) throws -> RenderedSite {
        let options = session.options
        let rendered = try session.render()
        var files: [String: Data] = [:]
        files.reserveCapacity(rendered.files.count + rendered.copies.count)
        for file in rendered.files { files[file.path] = file.data }
        var problems: [Diagnostic] = []
        var warnings = rendered.warnings
        let root = options.siteDirectory.resolvingSymlinksInPath().path + "/"
        for copy in rendered.copies {
            // A symbolic link in the theme or Content/static must not let the preview serve a file from outside the site.
            let source = copy.source.resolvingSymlinksInPath()
            guard source.path.hasPrefix(root) else {
                warnings.append(Diagnostic(.warning, "links outside the site folder; the preview does not serve it",
                                           at: SourceLocation(path: display(copy.source, root))))
                continue
            }
            do {
                files[copy.path] = try Data(contentsOf: source)
            } catch {
                problems.append(Diagnostic(.error, "cannot be read: \(error.localizedDescription)", at: SourceLocation(path: display(copy.source, root))))
            }
        }
        guard problems.isEmpty else { throw ContentErrors(problems) }
        return RenderedSite(basePath: rendered.site.config.basePath, files: files, warnings: warnings)
    }

    private static func display(_ url: URL, _ root: String) -> String {
        let path = url.standardizedFileURL.path
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }
}
