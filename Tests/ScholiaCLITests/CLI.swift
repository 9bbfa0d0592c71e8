import Foundation

/// Runs the `scholia` binary built next to the test bundle.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let binary: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("scholia")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: "scholia")
    }()

    /// The repository, for the sample site and the default theme.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @discardableResult
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], program: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = program ?? binary
        process.arguments = program == nil ? arguments : Array(arguments.dropFirst())
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// A fixture site in a temporary folder: the default theme from the repository (unless `theme` is false: then
/// the site has no `Templates/` and is built with the built-in theme) plus the given files.
struct FixtureSite {
    let root: URL

    /// A site already in `root`.
    init(existing root: URL) { self.root = root }

    init(_ files: [String: String], theme: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("scholia-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if theme {
            try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        }
        var all = files
        if all["site.yml"] == nil { all["site.yml"] = "title: Fixture\nbase_url: https://example.org/\n" }
        for (path, contents) in all { try write(path, contents) }
    }

    func write(_ path: String, _ contents: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    func build(_ extra: [String] = []) throws -> CLI.Result {
        try CLI.run(["build", "--site", root.path, "--quiet"] + extra)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every file under a folder, relative path → bytes.
    static func snapshot(_ directory: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        while let path = enumerator?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: directory.appendingPathComponent(path).path),
               enumerator?.fileAttributes?[.type] as? FileAttributeType == .typeRegular { files[path] = data }
        }
        return files
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

func document(_ title: String, date: String = "2013-05-07", extra: String = "", body: String = "Text.") -> String {
    "---\ntitle: \(title)\ndate: \(date)\n\(extra)---\n\n\(body)\n"
}
