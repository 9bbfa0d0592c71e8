import Foundation

/// Remembers, in `.scholia-cache/` in the site, a key of everything a build reads: every file of
/// `site.yml`, `Content/` and `Templates/` (paths and bytes), the build options, Scholia's version and the
/// system's CSL folders. When the key is the same and the output still holds every file the last build
/// made, there is nothing to do. A cache that cannot be read or was written by another version is ignored.
struct BuildCache {
    let siteDirectory: URL
    let options: BuildOptions
    static let folderName = ".scholia-cache"

    private var file: URL { siteDirectory.appendingPathComponent(Self.folderName + "/build-key") }

    /// The key of the inputs as they are now.
    func currentKey() -> String {
        var hash = FNV1a()
        hash.add("scholia \(ScholiaVersion.current)\n")
        // The program itself: a new build of Scholia with the same version number still rebuilds.
        var program = stat()
        if stat("/proc/self/exe", &program) == 0 { hash.add("program \(program.st_size) \(program.st_mtim.tv_sec) \(program.st_mtim.tv_nsec)\n") }
        hash.add("output \(options.output.path)\nbase \(options.baseURL ?? "")\ndrafts \(options.includeDrafts)\n")
        for folder in [CitationStyleLoader.systemStyles, CitationStyleLoader.systemLocales] {
            let modified = (try? FileManager.default.attributesOfItem(atPath: folder.path)[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            hash.add("\(folder.path) \(modified)\n")
        }
        var paths = ["site.yml"]
        for folder in ["Content", "Templates"] {
            paths += POSIXFiles.listFiles(under: siteDirectory.appendingPathComponent(folder).path).map { folder + "/" + $0 }
        }
        for path in paths {
            hash.add("\(path)\n")
            hash.add(FileManager.default.contents(atPath: siteDirectory.appendingPathComponent(path).path) ?? Data("missing".utf8))
        }
        return "scholia-build-key \(ScholiaVersion.current) \(String(hash.value, radix: 16))"
    }

    /// Whether the last build had this key and its output is still all there.
    func isUpToDate(key: String) -> Bool {
        guard let saved = try? String(contentsOf: file, encoding: .utf8), saved == key + "\n" else { return false }
        guard let manifest = try? String(contentsOf: options.output.appendingPathComponent(OutputWriter.manifestName), encoding: .utf8) else { return false }
        return manifest.utf8.split(separator: 0x0A).allSatisfy { access(options.output.path + "/" + String(decoding: $0, as: UTF8.self), F_OK) == 0 }
    }

    func save(key: String) {
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data((key + "\n").utf8).write(to: file, options: .atomic)
    }
}

/// 64-bit FNV-1a: fast, stable across runs and machines (Swift's Hasher is seeded per process).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) { add(Data(text.utf8)) }

    mutating func add(_ data: Data) {
        var value = self.value
        data.withUnsafeBytes { bytes in
            for byte in bytes {
                value ^= UInt64(byte)
                value &*= 0x0000_0100_0000_01B3
            }
        }
        self.value = value
    }
}
