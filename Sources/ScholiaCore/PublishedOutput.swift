import Foundation
import ScholiaModel
import ScholiaLoad
import ScholiaPublish

/// The output of the last `scholia build`, when it is what a build with the same options would make of the site as
/// it is now: the same build key (every input's stamp, the theme, the options, Scholia itself), no publish left half
/// done, every file it listed still there. `scholia serve` answers from it while it plans the site, so that the first
/// page of a large site does not wait for the whole plan; it is the check `scholia build` makes before it does nothing.
package struct PublishedOutput: Sendable {
    /// Where the site lives on its host (`site.yml`'s `base_url`), and so in the preview.
    package let basePath: String
    private let folder: String
    /// The paths the build wrote (its manifest): no other file of the folder is served.
    private let paths: Set<String>

    /// The last build's output if it is current, else nil (no build yet, another key, a file gone, a publish interrupted).
    package static func current(_ options: BuildOptions) -> PublishedOutput? {
        let cache = BuildCache(siteDirectory: options.siteDirectory, options: options)
        guard cache.savedKey() != nil,
              let writer = try? OutputWriter(output: options.output, displayPath: "", cacheFolder: cache.folder),
              !writer.journal.isPresent else { return nil }
        let key = cache.currentKey(environment: cache.environmentKey(), stamps: FileStamps.read(from: cache.folder))
        guard let listed = cache.outputPaths(ifKey: key) else { return nil }
        var diagnostics = DiagnosticList()
        let config = SiteConfig.load(from: options.siteDirectory.appendingPathComponent("site.yml"), displayPath: "site.yml", &diagnostics)
        guard !diagnostics.hasErrors else { return nil }
        guard let folder = realpath(writer.output.path, nil) else { return nil }
        defer { free(folder) }
        return PublishedOutput(basePath: config.basePath, folder: String(cString: folder), paths: Set(listed))
    }

    package var fileCount: Int { paths.count }

    package func contains(_ path: String) -> Bool { paths.contains(path) }

    /// The file's bytes as the build wrote them; nil for a path it did not write, or one that cannot be read now or
    /// leads out of the folder (a link put there since: the preview serves nothing from outside the site).
    package func data(at path: String) -> Data? {
        guard paths.contains(path), let resolved = realpath(folder + "/" + path, nil) else { return nil }
        defer { free(resolved) }
        let real = String(cString: resolved)
        guard real.hasPrefix(folder + "/") else { return nil }
        return FileManager.default.contents(atPath: real)
    }
}
