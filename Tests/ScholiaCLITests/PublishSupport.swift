import Foundation
import Testing

/// What the publishing tests share: a site of several documents, the two kinds of change (one that makes a
/// build swap a new folder in, one that makes it update in place), clean reference builds and the checks of
/// the publishing rule.
enum Publishing {
    enum Mode: String, CaseIterable, Sendable {
        /// A theme change: every page is made again into a staging folder, swapped in.
        case swap
        /// A few documents changed: their pages are replaced in the output, one by one.
        case inPlace
    }

    static func site(documents count: Int = 6) throws -> FixtureSite {
        var files: [String: String] = [:]
        for index in 1...count {
            let topic = index % 2 == 0 ? "trade" : "war"
            files["Content/documents/doc-\(index).md"] = document("Document \(index)", date: "19\(40 + index)-05-0\(index % 9 + 1)",
                extra: "speakers: [speaker-\(index % 3)]\ntopics: [\(topic)]\n", body: "SPEAKER \(index % 3): Words of document \(index).\n\nMore words.")
        }
        return try FixtureSite(files)
    }

    /// Changes the site's inputs so that its next build publishes in `mode`.
    static func change(_ site: FixtureSite, for mode: Mode) throws {
        switch mode {
        case .swap:
            let css = site.root.appendingPathComponent("Templates/assets/scholia.css")
            let handle = try FileHandle(forWritingTo: css)
            handle.seekToEndOfFile()
            handle.write(Data("\n/* changed */\n".utf8))
            try handle.close()
        case .inPlace:
            try site.write("Content/documents/doc-1.md", document("Document 1, revised", date: "1941-05-02", body: "New words."))
            try site.write("Content/documents/added.md", document("An added document", date: "1990-01-01", body: "Added."))
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/documents/doc-2.md"))
        }
    }

    /// The output of a clean build of the site's inputs as they are now, built in a folder of its own.
    static func cleanBuild(of site: FixtureSite) throws -> [String: Data] {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("scholia-clean-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: copy) }
        for input in ["Content", "Templates", "site.yml"] {
            try FileManager.default.copyItem(at: site.root.appendingPathComponent(input), to: copy.appendingPathComponent(input))
        }
        let result = try CLI.run(["build", "--site", copy.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        return FixtureSite.snapshot(copy.appendingPathComponent("Public"))
    }

    /// Copies a folder as it is, times and links included.
    static func copy(_ source: URL, to destination: URL) throws {
        let process = try Process.run(URL(fileURLWithPath: "/bin/cp"), arguments: ["-a", source.path, destination.path])
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// What a build left in the site folder that a finished build would not have: staging or set-aside
    /// folders, the journal, temporaries in the output.
    static func leftovers(in site: URL, output: String = "Public") -> [String] {
        let expected: Set<String> = ["Content", "Templates", "site.yml", output, ".scholia-cache"]
        var found = ((try? FileManager.default.contentsOfDirectory(atPath: site.path)) ?? []).filter { !expected.contains($0) }
        if FileManager.default.fileExists(atPath: site.appendingPathComponent(".scholia-cache/publishing").path) { found.append(".scholia-cache/publishing") }
        found += FixtureSite.snapshot(site.appendingPathComponent(output)).keys.filter { $0.hasSuffix(".scholia-new") }
        return found.sorted()
    }

    /// The rule at any instant: the output folder exists, and each file in it is its old bytes or its new
    /// bytes (a swap: the whole folder is the old one or the new one). Temporaries being written are not
    /// output files. Returns what is wrong, if anything.
    static func ruleViolations(output: URL, old: [String: Data], new: [String: Data], mode: Mode) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory), isDirectory.boolValue else { return ["no output folder"] }
        let files = FixtureSite.snapshot(output).filter { !$0.key.hasSuffix(".scholia-new") }
        if mode == .swap { return files == old || files == new ? [] : ["the output is neither the old site nor the new one"] }
        return files.compactMap { path, data in data == old[path] || data == new[path] ? nil : "\(path) is neither its old nor its new bytes" }.sorted()
    }

    /// Every folder below `root`, as relative paths.
    static func folders(under root: URL) -> [String] {
        var folders: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            if enumerator?.fileAttributes?[.type] as? FileAttributeType == .typeDirectory { folders.append(path) }
        }
        return folders.sorted()
    }

    /// Folders of `output` that a clean build (whose files are `clean`) would not have: such a build makes only
    /// the folders its files are in. One an interrupted build made for a file it never wrote must not stay.
    static func strayFolders(in output: URL, clean: [String: Data]) -> [String] {
        let cleanFolders = Set(clean.keys.flatMap { path in
            sequence(first: (path as NSString).deletingLastPathComponent) { ($0 as NSString).deletingLastPathComponent }
                .prefix { !$0.isEmpty }
        })
        return folders(under: output).filter { !cleanFolders.contains($0) }
    }

    static func inode(_ path: URL) -> UInt64 {
        var info = stat()
        return lstat(path.path, &info) == 0 ? UInt64(info.st_ino) : 0
    }
}

extension Publishing {
    /// Whether this process may mount a tmpfs (root in CI; not in an unprivileged container).
    static let canMount: Bool = {
        guard let disk = try? mountTmpfs(size: "1m") else { return false }
        unmount(disk)
        return true
    }()

    static func mountTmpfs(size: String) throws -> URL {
        let point = FileManager.default.temporaryDirectory.appendingPathComponent("scholia-disk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: point, withIntermediateDirectories: true)
        let process = try Process.run(URL(fileURLWithPath: "/bin/mount"), arguments: ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", point.path])
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            try? FileManager.default.removeItem(at: point)
            throw CocoaError(.fileWriteNoPermission)
        }
        return point
    }

    static func unmount(_ point: URL) {
        if let process = try? Process.run(URL(fileURLWithPath: "/bin/umount"), arguments: [point.path]) { process.waitUntilExit() }
        try? FileManager.default.removeItem(at: point)
    }

    /// A leftover's kind for the report: its path with process ids and page paths taken out.
    static func kind(of leftover: String) -> String {
        if leftover.hasSuffix(".scholia-new") { return "a *.scholia-new temporary in Public/" }
        if leftover.hasPrefix(".Public.staging-") { return ".Public.staging-PID" }
        if leftover.hasPrefix(".Public.previous-") { return ".Public.previous-PID" }
        return leftover
    }

    static func describe(_ counts: [String: Int]) -> String {
        counts.isEmpty ? "nothing" : counts.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
    }
}
