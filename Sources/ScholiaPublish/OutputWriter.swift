import Foundation
import ScholiaModel

/// Publishes a build. Either it writes the whole site into a staging folder beside the output and swaps the
/// two in one atomic step (`renameat2(RENAME_EXCHANGE)`), or, for a build that changed a few files, it
/// replaces those files in place, each by a rename. Either way each output file is at every instant its old
/// bytes or its new ones, the output folder always exists, and a journal (`PublishJournal`) marks the update
/// in progress, so that a build that stops half way is redone by the next, never trusted.
///
/// A manifest (`.scholia-manifest`) lists the files a build made. A file in the output that is not in it
/// (nor in the journal of an interrupted build) was put there by someone else: the build stops rather than
/// delete it.
package struct OutputWriter {
    package static let manifestName = ".scholia-manifest"
    static let temporarySuffix = ".scholia-new"
    /// The folder written: the output, or the folder it links to when it is a symbolic link (published
    /// through: the target receives the site, the link stays).
    package let output: URL
    let displayPath: String
    package let journal: PublishJournal
    /// The manifest as this build first read it, read once (the check, then the update).
    private let manifestMemo = ManifestMemo()

    typealias Failure = OutputWriterError

    package init(output requested: URL, displayPath: String, cacheFolder: URL) throws {
        output = try Self.resolvingLink(requested, displayPath: displayPath)
        self.displayPath = displayPath
        journal = PublishJournal(cacheFolder: cacheFolder, output: output.path)
    }

    private static func resolvingLink(_ url: URL, displayPath: String) throws -> URL {
        var info = stat()
        guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return url }
        guard let resolved = realpath(url.path, nil) else {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) ?? "?"
            throw Failure.io("\(displayPath) is a symbolic link to \(target), which does not exist: create that folder or remove the link")
        }
        defer { free(resolved) }
        return URL(fileURLWithPath: String(cString: resolved))
    }

    /// Checks, before any work, that the output folder holds only what earlier builds made.
    package func checkOutputIsOurs() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw Failure.notAFolder(displayPath) }
        // Listed unsorted: only the foreign files, if any, are sorted for the message.
        let existing = FileTree.filesInParallel(under: output.path)
        guard !existing.isEmpty else { return }
        let ours = manifestPaths(), interrupted = journal.interruptedPaths(), own = [Self.manifestName, Self.manifestName + Self.temporarySuffix]
        let chunks = stride(from: 0, to: existing.count, by: 4096).map { $0 ..< min($0 + 4096, existing.count) }
        let foreign = chunks.parallelMap { chunk in
            existing[chunk].filter { !ours.contains($0) && !interrupted.contains($0) && !own.contains($0) }
        }.joined().sorted()
        if !foreign.isEmpty { throw Failure.foreignFiles(output: displayPath, files: foreign) }
    }

    /// Whether the manifest on disk is the paths read from it, a line each (none twice, none blank), and nothing else.
    private func manifestIsAsRead() -> Bool {
        var info = stat()
        guard stat(output.path + "/" + Self.manifestName, &info) == 0 else { return false }
        return Int(info.st_size) == manifestPaths().reduce(0) { $0 + $1.utf8.count + 1 }
    }

    package var hasManifest: Bool { access(output.path + "/" + Self.manifestName, F_OK) == 0 }

    /// The manifest's paths, read on first use.
    private func manifestPaths() -> Set<String> { manifest().paths }

    /// The manifest's paths as a set and in the file's order (sorted, as every build writes it), read on first use.
    private func manifest() -> (paths: Set<String>, lines: [String]) {
        manifestMemo.value {
            let lines = TabbedText.lines(of: FileManager.default.contents(atPath: output.path + "/" + Self.manifestName) ?? Data())
            return (Set(lines), lines)
        }
    }

    /// The files of the last output (`previous`: those the manifest `listed`, and those of an interrupted build) that an
    /// output of the `written` and `kept` files no longer has, and the files it has that the manifest does not list.
    /// Each file is one job's, so a path is written or kept, once.
    private static func changes(previous: Set<String>, listed: Set<String>, written: [String], kept: [String]) -> (removed: Set<String>, added: [String]) {
        // The usual update (an edit): every kept file is listed, so the count of the files that stay tells that none goes,
        // without a table of every path (60,000 at 10,000 documents).
        let added = Array(Set(written.filter { !listed.contains($0) }))
        if written.count(where: previous.contains) + kept.count == previous.count, kept.allSatisfy(listed.contains) { return ([], added) }
        let current = written + kept
        let made = Set(current)
        return (previous.filter { !made.contains($0) }, Array(Set(current.filter { !listed.contains($0) })))
    }

    /// The manifest of `lines` (the last one's) after `removed` and `added`: sorted, as every build writes it, by merging the
    /// new paths into the lines rather than sorting every path again.
    private static func manifestData(_ lines: [String], removed: Set<String>, added: [String]) -> Data {
        let added = added.sorted()
        var sorted: [String] = []
        sorted.reserveCapacity(lines.count + added.count)
        if zip(lines, lines.dropFirst()).allSatisfy({ $0 < $1 }) {
            var next = added.startIndex
            for path in lines where removed.isEmpty || !removed.contains(path) {
                while next < added.endIndex, added[next] < path {
                    sorted.append(added[next])
                    next += 1
                }
                sorted.append(path)
            }
            sorted += added[next...]
        } else {
            sorted = (lines.filter { !removed.contains($0) } + added).sorted()
        }
        // The bytes `sorted.joined(separator: "\n") + "\n"` gives, as the staged output's manifest has them.
        var data = Data(capacity: sorted.reduce(1) { $0 + $1.utf8.count + 1 })
        for path in sorted {
            data.append(contentsOf: path.utf8)
            data.append(0x0A)
        }
        if sorted.isEmpty { data.append(0x0A) }
        return data
    }

    /// Updates the output in place, for a build that changed a few files: each changed file is written beside
    /// itself and renamed over the old one, files no longer made are deleted, then the manifest is replaced.
    /// New files come first, so a page is there before the pages that link to it change. Unchanged files keep
    /// their inode and time.
    package func update(_ files: [OutputFile], kept: [String], copies: [(path: String, source: URL)]) throws {
        let manifest = manifest()
        let interrupted = journal.interruptedPaths()
        let previous = interrupted.isEmpty ? manifest.paths : manifest.paths.union(interrupted)
        let written = files.map(\.path) + copies.map(\.path)
        try journal.begin(writing: written)
        // Folders whose entries changed: synced at the end, so the renames and deletions are on disk before the
        // journal says the update is complete.
        var touched: Set<String> = [output.path]
        func replace(_ path: String, with data: () throws -> Data) throws {
            let target = output.path + "/" + path
            let bytes = try data()
            if POSIXFiles.contentsEqual(target, bytes) { return }
            let folder = (target as NSString).deletingLastPathComponent
            if access(folder, F_OK) != 0 {
                FaultInjection.step()
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                // A new folder is itself an entry of its parents.
                var parent = (folder as NSString).deletingLastPathComponent
                while parent.count > output.path.count, touched.insert(parent).inserted { parent = (parent as NSString).deletingLastPathComponent }
            }
            touched.insert(folder)
            try POSIXFiles.replace(target, with: bytes, sync: true)
        }
        do {
            for isNew in [true, false] {
                for file in files where previous.contains(file.path) != isNew { try replace(file.path) { file.data } }
                for copy in copies where previous.contains(copy.path) != isNew { try replace(copy.path) { try Data(contentsOf: copy.source) } }
            }
            let (removed, added) = Self.changes(previous: previous, listed: manifest.paths, written: written, kept: kept)
            for path in removed.sorted() {
                FaultInjection.step()
                guard unlink(output.path + "/" + path) == 0 else { continue }
                // Folders left empty go too, as a clean build would not have them.
                var folder = (path as NSString).deletingLastPathComponent
                while !folder.isEmpty, rmdir(output.path + "/" + folder) == 0 { folder = (folder as NSString).deletingLastPathComponent }
                touched.insert(folder.isEmpty ? output.path : output.path + "/" + folder)
            }
            // An update that made and removed no file (a changed page or two) leaves the manifest as it was: it is not
            // sorted, written and synced again (2.5 MB at 10,000 documents) to the same bytes.
            let sameFiles = removed.isEmpty && added.isEmpty && manifestIsAsRead()
            manifestMemo.forget()
            if !sameFiles {
                try POSIXFiles.replace(output.path + "/" + Self.manifestName, with: Self.manifestData(manifest.lines, removed: removed, added: added), sync: true)
            }
            for folder in touched.sorted(by: >) where access(folder, F_OK) == 0 { try POSIXFiles.syncFolder(folder) }
        } catch {
            if let failure = error as? Failure { throw failure }
            throw Failure.io("cannot write \(displayPath): \(error.localizedDescription)")
        }
    }

    /// Starts a build's output: a fresh staging folder beside the output, after checking the output is ours.
    package func begin() throws -> StagedOutput {
        try checkOutputIsOurs()
        let staging = sibling("staging")
        POSIXFiles.removeTree(staging.path)
        FaultInjection.step()
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw Failure.io("cannot write \(displayPath): \(error.localizedDescription)")
        }
        return StagedOutput(writer: self, staging: staging)
    }

    /// `.NAME.KIND-PID` beside the output: a staging folder, or an output set aside by the two-rename swap.
    private func sibling(_ kind: String) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).\(kind)-\(getpid())")
    }

    /// Removes the staging and set-aside folders of builds that died (a kill leaves them). When an output
    /// was set aside but the new one never put in its place, the old one is put back first.
    package func removeLeftovers() {
        let parent = output.deletingLastPathComponent().path
        let prefix = "." + output.lastPathComponent + "."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for name in names.sorted(by: { $0.contains(".previous-") && !$1.contains(".previous-") }) where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.lastIndex(of: "-"), ["staging", "previous"].contains(rest[..<dash]),
                  let pid = Int32(rest[rest.index(after: dash)...]) else { continue }
            guard pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) else { continue }
            let path = parent + "/" + name
            if rest.hasPrefix("previous"), access(output.path, F_OK) != 0 {
                FaultInjection.step()
                if rename(path, output.path) == 0 { continue }
            }
            POSIXFiles.removeTree(path)
        }
    }

    /// Puts the staging folder in place of the output in one step. The old output, now at the staging path,
    /// is then deleted. An output that is a mount point cannot be renamed: it is updated in place instead.
    fileprivate func swapIn(_ staging: URL) throws {
        manifestMemo.forget()
        try journal.begin(writing: [])
        FaultInjection.step()
        let parent = output.deletingLastPathComponent().path
        guard access(output.path, F_OK) == 0 else {
            if rename(staging.path, output.path) == 0 { return try POSIXFiles.syncFolder(parent) }
            throw Failure.io("cannot publish \(displayPath): \(String(cString: strerror(errno)))")
        }
        switch AtomicExchange.exchange(staging.path, output.path) {
        case 0:
            try POSIXFiles.syncFolder(parent)
            POSIXFiles.removeTree(staging.path)
        case EBUSY, EXDEV: try updateInPlace(from: staging)
        case ENOSYS, EINVAL: try swapWithTwoRenames(staging)
        case let code: throw Failure.io("cannot publish \(displayPath): \(String(cString: strerror(code)))")
        }
    }

    /// Where the file system cannot exchange two folders: the output is set aside, then the new one renamed
    /// into its place. A kill between the two leaves no output until the next build puts the old one back.
    private func swapWithTwoRenames(_ staging: URL) throws {
        let retired = sibling("previous")
        POSIXFiles.removeTree(retired.path)
        FaultInjection.step()
        guard rename(output.path, retired.path) == 0 else {
            if errno == EBUSY || errno == EXDEV { return try updateInPlace(from: staging) }
            throw Failure.io("cannot publish \(displayPath): \(String(cString: strerror(errno)))")
        }
        FaultInjection.step()
        guard rename(staging.path, output.path) == 0 else {
            let reason = String(cString: strerror(errno))
            rename(retired.path, output.path)
            throw Failure.io("cannot publish \(displayPath): \(reason)")
        }
        try POSIXFiles.syncFolder(output.deletingLastPathComponent().path)
        POSIXFiles.removeTree(retired.path)
    }

    /// An output that cannot be renamed (a mount point) is brought up to date file by file from the staging folder.
    private func updateInPlace(from staging: URL) throws {
        let paths = FileTree.listFiles(under: staging.path).filter { $0 != Self.manifestName }
        try update([], kept: [], copies: paths.map { ($0, staging.appendingPathComponent($0)) })
        POSIXFiles.removeTree(staging.path)
    }
}

/// A build's output being written: pages go into the staging folder as soon as they are rendered (from any
/// thread), so that a large site is never all in memory; `finish` puts the folder in place of the output,
/// `abandon` deletes it and leaves the output as it was.
package final class StagedOutput: OutputSink, @unchecked Sendable {
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

    /// Writes a job's files; one whose bytes are those of the current output is linked to it instead, keeping
    /// its inode and time, so that deploy tools see only real changes.
    package func receive(_ files: [OutputFile], of job: String) {
        for file in files {
            guard makeFolders(for: file.path) else { return }
            let previous = writer.output.path + "/" + file.path, next = staging.path + "/" + file.path
            if POSIXFiles.contentsEqual(previous, file.data) {
                FaultInjection.step()
                if link(previous, next) == 0 { continue }
            }
            do { try POSIXFiles.write(file.data, to: next) } catch { record("\(error)"); return }
        }
        lock.withLock { paths += files.map(\.path) }
    }

    /// Keeps files of the current output as they are (a hard link each, on every core).
    package func keep(_ kept: [String]) {
        let chunks = stride(from: 0, to: kept.count, by: 512).map { Array(kept[$0..<min($0 + 512, kept.count)]) }
        _ = chunks.parallelMap { [self] chunk in
            for path in chunk {
                guard makeFolders(for: path) else { return }
                let previous = writer.output.path + "/" + path, next = staging.path + "/" + path
                FaultInjection.step()
                if link(previous, next) == 0 { continue }
                // An output on another file system (a mount point) cannot be linked from: copy instead.
                let reason = String(cString: strerror(errno))
                guard errno == EXDEV, let data = FileManager.default.contents(atPath: previous) else {
                    record("cannot keep \(writer.displayPath)/\(path) from the last build: \(reason)")
                    return
                }
                do { try POSIXFiles.write(data, to: next) } catch { record("\(error)"); return }
            }
        }
        lock.withLock { paths += kept }
    }

    /// Copies the static files, writes the manifest and swaps the folder in.
    package func finish(copies: [(path: String, source: URL)]) throws {
        do {
            if let failure = lock.withLock({ failure }) { throw OutputWriterError.io(failure) }
            for copy in copies {
                guard makeFolders(for: copy.path) else { break }
                try POSIXFiles.write(try Data(contentsOf: copy.source), to: staging.path + "/" + copy.path)
            }
            // Empty folders someone made in the output (`.well-known/`) are kept; not those an interrupted build
            // made for files it did not get to write (the folders of the paths in its journal).
            let interrupted = Set(writer.journal.interruptedPaths().flatMap(Self.folders(of:)))
            for folder in POSIXFiles.emptyFolders(under: writer.output.path) where !interrupted.contains(folder) && makeFolders(for: folder + "/") {}
            if let failure = lock.withLock({ failure }) { throw OutputWriterError.io(failure) }
            let manifest = (paths + copies.map(\.path)).sorted().joined(separator: "\n") + "\n"
            try POSIXFiles.write(Data(manifest.utf8), to: staging.path + "/" + OutputWriter.manifestName)
            // Every file and folder of the tree on disk before the swap makes it the output.
            try POSIXFiles.syncTree(staging.path)
            try writer.swapIn(staging)
        } catch {
            abandon()
            if let failure = error as? OutputWriterError { throw failure }
            throw OutputWriterError.io("cannot write \(writer.displayPath): \(error.localizedDescription)")
        }
    }

    package func abandon() { POSIXFiles.removeTree(staging.path) }

    /// The folders a relative path is in: `a/b/c.html` is in `a/b` and `a`.
    static func folders(of path: String) -> [String] {
        var folders: [String] = [], folder = (path as NSString).deletingLastPathComponent
        while !folder.isEmpty { folders.append(folder); folder = (folder as NSString).deletingLastPathComponent }
        return folders
    }

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
                FaultInjection.step()
                if mkdir(full, 0o755) != 0 && errno != EEXIST {
                    if failure == nil { failure = "cannot create \(full): \(String(cString: strerror(errno)))" }
                    return false
                }
            }
            return true
        }
    }
}

/// The manifest read once by a writer and its copies; forgotten when the output's manifest is replaced.
private final class ManifestMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var manifest: (paths: Set<String>, lines: [String])?

    func value(_ read: () -> (paths: Set<String>, lines: [String])) -> (paths: Set<String>, lines: [String]) {
        lock.withLock {
            if let manifest { return manifest }
            let read = read()
            manifest = read
            return read
        }
    }

    func forget() { lock.withLock { manifest = nil } }
}

/// Why the output folder could not be written.
package enum OutputWriterError: Error, CustomStringConvertible {
    case foreignFiles(output: String, files: [String])
    case notAFolder(String)
    /// An output inside the site's inputs or over the site itself: a usage error.
    case misplaced(String)
    case io(String)

    package var description: String {
        switch self {
        case .foreignFiles(let output, let files):
            let list = files.prefix(10).map { "  \(output)/\($0)" }.joined(separator: "\n")
            let more = files.count > 10 ? "\n  … and \(files.count - 10) more" : ""
            return "\(output)/ holds files that Scholia did not make, and a build never deletes those:\n\(list)\(more)\n"
                + "Move them to Content/static/ (copied into every build) or delete them, then build again."
        case .notAFolder(let path): return "\(path) exists and is not a folder"
        case .misplaced(let message): return message
        case .io(let message): return message
        }
    }
}
