import Foundation

/// Writes a build into a temporary folder beside the output and swaps it in only when everything is
/// written, so that a failed build leaves the previous output as it was.
///
/// A manifest (`.scholia-manifest`) lists the files a build made. A file in the output that is not in it
/// was put there by someone else: the build stops rather than delete it.
struct OutputWriter {
    static let manifestName = ".scholia-manifest"
    let output: URL
    let displayPath: String

    typealias Failure = OutputWriterError

    /// Checks, before any work, that the output folder holds only what earlier builds made.
    func checkOutputIsOurs() throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw Failure.notAFolder(displayPath) }
        let existing = POSIXFiles.listFiles(under: output.path)
        guard !existing.isEmpty else { return }
        let manifest = (try? String(contentsOf: output.appendingPathComponent(Self.manifestName), encoding: .utf8)) ?? ""
        let ours = Set(manifest.utf8.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) })
        let foreign = existing.filter { $0 != Self.manifestName && !ours.contains($0) }
        if !foreign.isEmpty { throw Failure.foreignFiles(output: displayPath, files: foreign) }
    }

    /// Writes `files`, keeps the files `kept` of the current output (by hard link: same inode, same time)
    /// and copies `copies`, all into a fresh folder, then puts it in place of the output.
    func write(_ files: [OutputFile], kept: [String] = [], copies: [(path: String, source: URL)]) throws {
        try checkOutputIsOurs()
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
        POSIXFiles.removeTree(staging.path)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            try makeDirectories(for: files.map(\.path) + kept + copies.map(\.path), in: staging)
            let failures = files.parallelMap { file -> String? in
                let previous = output.path + "/" + file.path, next = staging.path + "/" + file.path
                // An unchanged file keeps its inode and time, so that deploy tools see only real changes.
                if POSIXFiles.contentsEqual(previous, file.data), link(previous, next) == 0 { return nil }
                do { try POSIXFiles.write(file.data, to: next) } catch { return "\(error)" }
                return nil
            }.compactMap { $0 }
            if let failure = failures.first { throw Failure.io(failure) }
            for path in kept where link(output.path + "/" + path, staging.path + "/" + path) != 0 {
                throw Failure.io("cannot keep \(displayPath)/\(path) from the last build: \(String(cString: strerror(errno)))")
            }
            for copy in copies {
                try fileManager.copyItem(at: copy.source, to: staging.appendingPathComponent(copy.path))
            }
            let manifest = (files.map(\.path) + kept + copies.map(\.path)).sorted().joined(separator: "\n") + "\n"
            try Data(manifest.utf8).write(to: staging.appendingPathComponent(Self.manifestName))
            try swapIn(staging)
        } catch {
            POSIXFiles.removeTree(staging.path)
            if let failure = error as? Failure { throw failure }
            throw Failure.io("cannot write \(displayPath): \(error.localizedDescription)")
        }
    }

    /// Creates every folder the files need, parents first, each once: plain mkdir(2), as FileManager's
    /// intermediate-directory creation checks every parent again for each of thousands of folders.
    private func makeDirectories(for paths: [String], in root: URL) throws {
        var made: Set<Substring> = [""]
        for path in paths {
            var end = path.startIndex
            while let slash = path[end...].firstIndex(of: "/") {
                let directory = path[..<slash]
                end = path.index(after: slash)
                guard made.insert(directory).inserted else { continue }
                let full = root.appendingPathComponent(String(directory)).path
                if mkdir(full, 0o755) != 0 && errno != EEXIST {
                    throw OutputWriterError.io("cannot create \(full): \(String(cString: strerror(errno)))")
                }
            }
        }
    }

    /// Replaces the output with the staging folder: two renames, so readers never see a half-written site.
    private func swapIn(_ staging: URL) throws {
        let fileManager = FileManager.default
        let retired = staging.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).previous-\(ProcessInfo.processInfo.processIdentifier)")
        POSIXFiles.removeTree(retired.path)
        if fileManager.fileExists(atPath: output.path) { try fileManager.moveItem(at: output, to: retired) }
        try fileManager.moveItem(at: staging, to: output)
        POSIXFiles.removeTree(retired.path)
    }
}

/// Why the output folder could not be written.
public enum OutputWriterError: Error, CustomStringConvertible {
    case foreignFiles(output: String, files: [String])
    case notAFolder(String)
    case io(String)

    public var description: String {
        switch self {
        case .foreignFiles(let output, let files):
            let list = files.prefix(10).map { "  \(output)/\($0)" }.joined(separator: "\n")
            let more = files.count > 10 ? "\n  … and \(files.count - 10) more" : ""
            return "\(output)/ holds files that Scholia did not make, and a build never deletes those:\n\(list)\(more)\n"
                + "Move them to Content/static/ (copied into every build) or delete them, then build again."
        case .notAFolder(let path): return "\(path) exists and is not a folder"
        case .io(let message): return message
        }
    }
}
