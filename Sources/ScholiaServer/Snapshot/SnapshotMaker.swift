import ScholiaCore

/// Turns a build's bytes into a snapshot: types, ETags, and the preview script (and error list) in HTML pages.
enum SnapshotMaker {
    static func make(from site: RenderedSite?, errors: [Diagnostic], generation: Int, fallbackBasePath: String) -> SiteSnapshot {
        guard let site else {
            return SiteSnapshot(generation: generation, basePath: fallbackBasePath, files: [:], errors: errors, hasContent: false)
        }
        let injection = PreviewInjection(basePath: site.basePath, generation: generation, errors: errors)
        var files: [String: ServedFile] = [:]
        files.reserveCapacity(site.files.count)
        for (path, bytes) in site.files {
            let type = ContentType.of(path)
            let served = type == ContentType.html ? injection.apply(to: bytes) : bytes
            files[path] = ServedFile(bytes: served, contentType: type)
        }
        return SiteSnapshot(generation: generation, basePath: site.basePath, files: files, errors: errors, hasContent: true)
    }
}
