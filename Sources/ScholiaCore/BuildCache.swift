import Foundation
import ScholiaModel
import ScholiaLoad
import ScholiaResolve
import ScholiaRender
import ScholiaPublish

/// Remembers, in `.scholia-cache/` in the site, a key of everything a build reads: every file of
/// `site.yml`, `Content/` and `Templates/` (paths and bytes; a file unchanged since the last build is known by
/// its `FileStamps` stamp, not read), the build options, Scholia's version and the system's CSL folders. When the key is the same and the output still holds every file the last build
/// made, there is nothing to do. A cache that cannot be read or was written by another version is ignored.
struct BuildCache {
    let siteDirectory: URL
    let options: BuildOptions
    static let folderName = SiteLayout.cacheFolder
    /// The search index's part of each document (`SearchPages.entries`), by fingerprint.
    static let searchEntriesName = "search-entries"

    var folder: URL { siteDirectory.appendingPathComponent(Self.folderName) }
    private var file: URL { folder.appendingPathComponent("build-key") }

    /// The key of the inputs as they are now, given the `environmentKey()`.
    func currentKey(environment: UInt64, stamps: FileStamps, contentFiles: [String]? = nil) -> String {
        var hash = Fingerprint()
        hash.add(environment)
        // Paths as the loader makes them (`ContentLoader`), so that a file's stamp is looked at once per build.
        let content = siteDirectory.path + "/Content/"
        let paths = contentFiles ?? self.contentFiles()
        // A stat per file (and a read of each changed one), on every core, in chunks; combined in order.
        let chunks = stride(from: 0, to: paths.count, by: 512).map { $0 ..< min($0 + 512, paths.count) }
        let hashes = chunks.parallelMap { chunk in stamps.hashes(of: paths[chunk].map { content + $0 }) }.flatMap { $0 }
        for (path, fileHash) in zip(paths, hashes) {
            hash.add(path)
            hash.add(fileHash ?? 0)
            hash.add(fileHash == nil ? 0 : 1)
        }
        return "scholia-build-key \(ScholiaVersion.current) \(hash.hex)"
    }

    /// The files of `Content/`, sorted, by their path from it.
    func contentFiles() -> [String] {
        FileTree.listFiles(under: siteDirectory.appendingPathComponent("Content").path)
    }

    /// Everything every page depends on: Scholia itself, the options, the CSL folders, `site.yml` and the theme
    /// (the built-in one and the site's `Templates/`, with its styles). Content is not in it: pages follow their own content.
    func environmentKey() -> UInt64 {
        var hash = Fingerprint()
        hash.add("scholia \(ScholiaVersion.current)\n")
        // The program itself: a new build of Scholia with the same version number still rebuilds.
        var program = stat()
        if stat("/proc/self/exe", &program) == 0 { hash.add("program \(program.st_size) \(program.st_mtim.tv_sec) \(program.st_mtim.tv_nsec)\n") }
        hash.add("output \(options.output.path)\nbase \(options.baseURL ?? "")\ndrafts \(options.includeDrafts)\n")
        // The benchmarks' switch that leaves the search index out (`SearchPages.indexJobs`): turning it back on must build.
        hash.add("search index \(ProcessInfo.processInfo.environment["SCHOLIA_SEARCH_INDEX"] ?? "")\n")
        for folder in [CitationStyleLoader.systemStyles, CitationStyleLoader.systemLocales] {
            let modified = (try? FileManager.default.attributesOfItem(atPath: folder.path)[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            hash.add("\(folder.path) \(modified)\n")
        }
        // The built-in theme, then the site's overrides: a file that appears or goes changes the list of paths.
        hash.add(Theme.builtInFingerprint)
        let paths = ["site.yml"] + FileTree.listFiles(under: siteDirectory.appendingPathComponent("Templates").path).map { "Templates/" + $0 }
        for path in paths {
            hash.add(path)
            hash.add(FileManager.default.contents(atPath: siteDirectory.appendingPathComponent(path).path) ?? Data("missing".utf8))
        }
        return hash.value
    }

    /// Whether the last build had this key and its output is still all there.
    func isUpToDate(key: String) -> Bool { outputPaths(ifKey: key) != nil }

    /// The files of the last build's output (its manifest), if that build had this key and they are all still there.
    func outputPaths(ifKey key: String) -> [String]? {
        guard let saved = try? String(contentsOf: file, encoding: .utf8), saved == key + "\n" else { return nil }
        let output = options.output.path
        guard let manifest = FileManager.default.contents(atPath: output + "/" + OutputWriter.manifestName) else { return nil }
        let paths = TabbedText.lines(of: manifest)
        // Looked up from the open folder (a shorter walk per file), on every core.
        let folder = open(output, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return nil }
        defer { close(folder) }
        let chunks = stride(from: 0, to: paths.count, by: 1024).map { $0 ..< min($0 + 1024, paths.count) }
        let present = chunks.parallelMap { chunk in paths[chunk].allSatisfy { faccessat(folder, $0, F_OK, 0) == 0 } }
        return present.allSatisfy { $0 } ? paths : nil
    }

    /// The key of the last complete build, if any.
    func savedKey() -> String? {
        (try? String(contentsOf: file, encoding: .utf8)).map { String($0.dropLast()) }
    }

    func save(key: String) {
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data((key + "\n").utf8).write(to: file, options: .atomic)
    }
}
