import ScholiaModel
import ScholiaCore

/// Turns a build into a snapshot: types, ETags, and the preview script (and error list) in HTML pages,
/// each file when it is first asked for.
enum SnapshotMaker {
    static func make(from site: (any ServedSite)?, errors: [Diagnostic], generation: Int, fallbackBasePath: String) -> SiteSnapshot {
        guard let site else {
            return SiteSnapshot(generation: generation, basePath: fallbackBasePath, files: .none, errors: errors, hasContent: false)
        }
        let injection = PreviewInjection(basePath: site.basePath, generation: generation, errors: errors)
        return SiteSnapshot(generation: generation, basePath: site.basePath, files: SnapshotFiles(site, injection: injection),
                            errors: errors, hasContent: true)
    }
}
