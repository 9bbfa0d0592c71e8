import Foundation

/// Writes a build into a temporary folder beside the output and swaps it in only when everything is
/// written, so that a failed build leaves the previous output as it was; or, for a build that changed a
/// few files after rendering them all without error, replaces those files in place, each atomically.
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

    var hasManifest: Bool { access(output.path + "/" + Self.manifestName, F_OK) == 0 }

    /// Updates the output in place, for a build that changed a few files: each changed file is written beside
    /// itself and renamed over the old one (a reader gets the old file or the new, never half of one), files
    /// no longer made are deleted, then the manifest is replaced. Unchanged files keep their inode and time.
    func update(_ files: [OutputFile], kept: [String], copies: [(path: String, source: URL)]) throws {
        let manifestURL = output.appendingPathComponent(Self.manifestName)
        let previous = ((try? String(contentsOf: manifestURL, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        func replace(_ path: String, with data: Data) throws {
            let target = output.path + "/" + path
            if POSIXFiles.contentsEqual(target, data) { return }
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let temporary = target + ".scholia-new"
            try POSIXFiles.write(data, to: temporary)
            guard rename(temporary, target) == 0 else { throw Failure.io("cannot replace \(displayPath)/\(path): \(String(cString: strerror(errno)))") }
        }
        do {
            for file in files { try replace(file.path, with: file.data) }
            for copy in copies { try replace(copy.path, with: try Data(contentsOf: copy.source)) }
            let current = files.map(\.path) + kept + copies.map(\.path)
            let made = Set(current)
            for path in previous where !made.contains(path) {
                unlink(output.path + "/" + path)
                // Folders left empty go too, as a clean build would not have them.
                var folder = (path as NSString).deletingLastPathComponent
                while !folder.isEmpty, rmdir(output.path + "/" + folder) == 0 { folder = (folder as NSString).deletingLastPathComponent }
            }
            try Data((current.sorted().joined(separator: "\n") + "\n").utf8).write(to: manifestURL, options: .atomic)
        } catch {
            if let failure = error as? Failure { throw failure }
            throw Failure.io("cannot write \(displayPath): \(error.localizedDescription)")
        }
    }

    /// Starts a build's output: a fresh staging folder beside the output, after checking the output is ours.
    func begin() throws -> StagedOutput {
        try checkOutputIsOurs()
        let staging = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
        POSIXFiles.removeTree(staging.path)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw Failure.io("cannot write \(displayPath): \(error.localizedDescription)")
        }
        return StagedOutput(writer: self, staging: staging)
    }

    /// Replaces the output with the staging folder: two renames, so readers never see a half-written site.
    fileprivate func swapIn(_ staging: URL) throws {
        let fileManager = FileManager.default
        let retired = staging.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).previous-\(ProcessInfo.processInfo.processIdentifier)")
        POSIXFiles.removeTree(retired.path)
        if fileManager.fileExists(atPath: output.path) { try fileManager.moveItem(at: output, to: retired) }
        try fileManager.moveItem(at: staging, to: output)
        POSIXFiles.removeTree(retired.path)
    }
}

/// A build's output being written: pages go into the staging folder as soon as they are rendered (from any
/// thread), so that a large site is never all in memory; `finish` puts the folder in place of the output,
/// `abandon` deletes it and leaves the output as it was.
final class StagedOutput: @unchecked Sendable {
    private let writer: OutputWriter
    let staging: URL
    private let lock = NSLock()
    private var folders: Set<Substring> = [""]
    private var paths: [String] = []
    private var failure: String?

    fileprivate init(writer: OutputWriter, staging: URL) {
        self.writer = writer
        self.staging = staging
    }

    /// Writes files; one whose bytes are those of the current output is linked to it instead, keeping its
    /// inode and time, so that deploy tools see only real changes.
    func write(_ files: [OutputFile]) {
        for file in files {
            guard makeFolders(for: file.path) else { return }
            let previous = writer.output.path + "/" + file.path, next = staging.path + "/" + file.path
            if POSIXFiles.contentsEqual(previous, file.data), link(previous, next) == 0 { continue }
            do { try POSIXFiles.write(file.data, to: next) } catch { record("\(error)"); return }
        }
        lock.withLock { paths += files.map(\.path) }
    }

    /// Keeps files of the current output as they are (a hard link each, on every core).
    func keep(_ kept: [String]) {
        let chunks = stride(from: 0, to: kept.count, by: 512).map { Array(kept[$0..<min($0 + 512, kept.count)]) }
        _ = chunks.parallelMap { [self] chunk in
            for path in chunk {
                guard makeFolders(for: path) else { return }
                if link(writer.output.path + "/" + path, staging.path + "/" + path) != 0 {
                    record("cannot keep \(writer.displayPath)/\(path) from the last build: \(String(cString: strerror(errno)))")
                    return
                }
            }
        }
        lock.withLock { paths += kept }
    }

    /// Copies the static files, writes the manifest and swaps the folder in.
    func finish(copies: [(path: String, source: URL)]) throws {
        do {
            if let failure = lock.withLock({ failure }) { throw OutputWriterError.io(failure) }
            for copy in copies {
                guard makeFolders(for: copy.path) else { break }
                try FileManager.default.copyItem(at: copy.source, to: staging.appendingPathComponent(copy.path))
            }
            if let failure = lock.withLock({ failure }) { throw OutputWriterError.io(failure) }
            let manifest = (paths + copies.map(\.path)).sorted().joined(separator: "\n") + "\n"
            try Data(manifest.utf8).write(to: staging.appendingPathComponent(OutputWriter.manifestName))
            try writer.swapIn(staging)
        } catch {
            abandon()
            if let failure = error as? OutputWriterError { throw failure }
            throw OutputWriterError.io("cannot write \(writer.displayPath): \(error.localizedDescription)")
        }
    }

    func abandon() { POSIXFiles.removeTree(staging.path) }

    private func record(_ message: String) { lock.withLock { if failure == nil { failure = message } } }

    /// Creates the folders a file needs, parents first, each once: plain mkdir(2), as FileManager's
    /// intermediate-directory creation checks every parent again for each of thousands of folders. Under the
    /// lock, so that no thread writes into a folder another is still making.
    private func makeFolders(for path: String) -> Bool {
        lock.withLock {
            var end = path.startIndex
            while let slash = path[end...].firstIndex(of: "/") {
                let folder = path[..<slash]
                end = path.index(after: slash)
                guard folders.insert(folder).inserted else { continue }
                let full = staging.path + "/" + folder
                if mkdir(full, 0o755) != 0 && errno != EEXIST {
                    if failure == nil { failure = "cannot create \(full): \(String(cString: strerror(errno)))" }
                    return false
                }
            }
            return true
        }
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
