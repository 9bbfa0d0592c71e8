import Foundation
import ScholiaModel
import ScholiaCore

/// A good build as the preview serves it: the generated files rendered when first asked for (or, for the pages a save
/// changed and the search index, by the background render), the copied assets read at once. Kept so that a later failed build can be shown above
/// the last good content. Nothing is written, so `Public/` is never touched.
struct PreviewSite: Sendable {
    /// `/` or `/hist210/`: where the site lives on its host, and so in the preview.
    let basePath: String
    let pages: PlannedSite
    /// Output path → bytes of the theme's assets and `Content/static/`: a few small files, read when planned so
    /// that a file that cannot be read is an error of this build, as in `scholia build`.
    let copies: [String: Data]
    let warnings: [Diagnostic]

    /// A copy never has the path of a generated file (that is an error), so the two are counted apart.
    var fileCount: Int { pages.pathCount + copies.count }

    func contains(_ path: String) -> Bool { copies[path] != nil || pages.contains(path) }

    /// The file's bytes, rendering its page now if needed.
    func data(at path: String) -> Data? { copies[path] ?? pages.data(at: path) }

    /// Plans the site (the session renders again only what changed since its last plan) and reads the copies.
    static func plan(_ session: SiteSession, changed: Set<String>? = nil) throws -> PreviewSite {
        let options = session.options
        let planned = try session.plan(changed: changed)
        var copies: [String: Data] = [:]
        var problems: [Diagnostic] = []
        var warnings = planned.warnings
        let root = options.siteDirectory.resolvingSymlinksInPath().path + "/"
        for copy in planned.copies {
            // A symbolic link in the theme or Content/static must not let the preview serve a file from outside the site.
            let source = copy.source.resolvingSymlinksInPath()
            guard source.path.hasPrefix(root) else {
                warnings.append(Diagnostic(.warning, "links outside the site folder; the preview does not serve it",
                                           at: SourceLocation(path: display(copy.source, root))))
                continue
            }
            do {
                copies[copy.path] = try Data(contentsOf: source)
            } catch {
                problems.append(Diagnostic(.error, "cannot be read: \(error.localizedDescription)", at: SourceLocation(path: display(copy.source, root))))
            }
        }
        guard problems.isEmpty else { throw ContentErrors(problems) }
        return PreviewSite(basePath: planned.site.config.basePath, pages: planned, copies: copies, warnings: warnings)
    }

    private static func display(_ url: URL, _ root: String) -> String {
        let path = url.standardizedFileURL.path
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }
}
