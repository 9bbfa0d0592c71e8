import Foundation
import ScholiaCore

/// The files of one build as the preview serves them, each made on its first request: the page rendered if nothing
/// has rendered it yet, and the reload script, which names the build, put in; so every
/// page differs from one build to the next, and making them all at once would redo every page of a large site
/// after each save.
final class SnapshotFiles: @unchecked Sendable {
    let site: (any ServedSite)?
    private let injection: PreviewInjection?
    private var made: [String: ServedFile] = [:]
    private let lock = NSLock()

    static let none = SnapshotFiles(nil, injection: nil)

    init(_ site: (any ServedSite)?, injection: PreviewInjection?) {
        self.site = site
        self.injection = injection
    }

    var count: Int { site?.fileCount ?? 0 }

    /// The plan served, unless the snapshot serves the last build's output (or nothing).
    var planned: PlannedSite? { (site as? PreviewSite)?.pages }

    /// Whether the build has this file, without rendering it.
    func contains(_ path: String) -> Bool { site?.contains(path) ?? false }

    subscript(path: String) -> ServedFile? {
        if let file = lock.withLock({ made[path] }) { return file }
        // Rendered outside the lock: a slow page must not hold up requests for other files.
        guard let data = site?.data(at: path) else { return nil }
        let type = ContentType.of(path)
        let bytes = [UInt8](data)
        let file = ServedFile(bytes: type == ContentType.html ? injection?.apply(to: bytes) ?? bytes : bytes, contentType: type)
        lock.withLock { made[path] = file }
        return file
    }
}
