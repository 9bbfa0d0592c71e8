import Foundation
import ScholiaModel
import ScholiaLoad
import ScholiaResolve
import ScholiaRender
import ScholiaPublish

/// What the last `scholia build` rendered, kept in `.scholia-cache/pages`: for each job (a page with its
/// downloads) the fingerprint of its inputs and the files it wrote, with their size and time. A job whose
/// fingerprint is the same and whose files are still as written is not rendered again: its files are
/// linked from the last build.
///
/// The file ends with a fingerprint of everything before it: a cache that was cut short, edited or written
/// by another version of Scholia is ignored as a whole, never trusted in part.
struct PageRecords: Sendable {
    struct Written: Sendable {
        var path: String
        var size: Int
        var modified: Int
    }

    struct Job: Sendable {
        var fingerprint: UInt64
        var files: [Written]
    }

    private(set) var jobs: [String: Job] = [:]
    /// The fingerprint of the theme, settings and program the last build had (`BuildCache.environmentKey`).
    private(set) var environment: UInt64 = 0

    static let fileName = "pages"
    private static var header: String { "scholia-pages \(ScholiaVersion.current)" }

    init() {}

    init(jobs: [String: Job], environment: UInt64) {
        self.jobs = jobs
        self.environment = environment
    }

    /// Whether the job `id` had this fingerprint and its files in `output` are the ones that build wrote.
    func isUnchanged(_ id: String, fingerprint: UInt64, output: String) -> Bool {
        guard let job = jobs[id], job.fingerprint == fingerprint else { return false }
        return job.files.allSatisfy { file in Self.stat(output + "/" + file.path).map { $0 == (file.size, file.modified) } ?? false }
    }

    /// Size and modification time (nanoseconds) of a regular file.
    static func stat(_ path: String) -> (size: Int, modified: Int)? {
        var info = Glibc.stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return (Int(info.st_size), info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec)
    }

    static func load(from folder: URL) -> PageRecords {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(fileName), encoding: .utf8) else { return PageRecords() }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3, lines.removeLast().isEmpty, let check = lines.popLast(), check == "end " + checksum(lines),
              let first = lines.first, first.hasPrefix(header + " "), let environment = UInt64(first.dropFirst(header.count + 1), radix: 16)
        else { return PageRecords() }
        var jobs: [String: Job] = [:]
        for line in lines.dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2, (fields.count - 2) % 3 == 0, let fingerprint = UInt64(fields[1], radix: 16) else { return PageRecords() }
            var files: [Written] = []
            for index in stride(from: 2, to: fields.count, by: 3) {
                guard let size = Int(fields[index + 1]), let modified = Int(fields[index + 2]) else { return PageRecords() }
                files.append(Written(path: String(fields[index]), size: size, modified: modified))
            }
            jobs[String(fields[0])] = Job(fingerprint: fingerprint, files: files)
        }
        return PageRecords(jobs: jobs, environment: environment)
    }

    func save(to folder: URL) {
        var lines = ["\(Self.header) \(String(environment, radix: 16))"[...]]
        for (id, job) in jobs.sorted(by: { $0.key < $1.key }) {
            let files = job.files.map { "\t\($0.path)\t\($0.size)\t\($0.modified)" }.joined()
            lines.append("\(id)\t\(String(job.fingerprint, radix: 16))\(files)"[...])
        }
        let text = lines.joined(separator: "\n") + "\nend " + Self.checksum(lines) + "\n"
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: folder.appendingPathComponent(Self.fileName), options: .atomic)
    }

    private static func checksum(_ lines: [Substring]) -> String {
        var fingerprint = Fingerprint()
        for line in lines { fingerprint.add(String(line)) }
        return fingerprint.hex
    }
}
