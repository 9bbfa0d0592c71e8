import ScholiaModel
import ScholiaCore

/// What the server answers from: immutable, swapped whole after each build, so that a request sees one
/// build or the next and never a mix.
struct SiteSnapshot: Sendable {
    /// Counts builds, good and failed; pages carry it so that the reload script can tell it is out of date.
    let generation: Int
    let basePath: String
    /// Empty when no build has succeeded yet.
    let files: SnapshotFiles
    /// The errors of the latest build; when not empty, `files` are the last good build's, with the errors on top.
    let errors: [Diagnostic]
    /// True when some build succeeded, so that there is content to show.
    let hasContent: Bool

    static let empty = SiteSnapshot(generation: 0, basePath: "/", files: .none, errors: [], hasContent: false)

    var notFoundPage: ServedFile? { files["404.html"] }

    /// The page shown for every request before any build has succeeded.
    var errorPage: ServedFile {
        ServedFile(bytes: Array(ErrorPage.html(errors: errors, basePath: basePath, generation: generation).utf8),
                   contentType: ContentType.html)
    }
}
