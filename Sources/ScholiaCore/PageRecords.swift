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

    /// The order `save` writes the jobs in: a build's jobs in the order it planned them (always the same for the same
    /// site), as sorting 40,000 ids cost a third of the save; by id when not given.
    private var order: [String]?

    init(jobs: [String: Job], environment: UInt64) {
        self.jobs = jobs
        self.environment = environment
    }

    /// Records of `jobs` in this order; a job id given twice keeps its first record.
    init(ordered jobs: [(id: String, job: Job)], environment: UInt64) {
        var byID: [String: Job] = [:]
        var order: [String] = []
        byID.reserveCapacity(jobs.count)
        order.reserveCapacity(jobs.count)
        for (id, job) in jobs where byID[id] == nil {
            byID[id] = job
            order.append(id)
        }
        self.jobs = byID
        self.environment = environment
        self.order = order
    }

    /// The jobs whose files in `output` are all still as the last build wrote them (same size and time): a stat of every
    /// recorded file, on every core. A build looks before it loads the site, on the cores the load leaves idle, rather
    /// than job by job while it renders; it holds the site's lock, so nothing it does not make changes the output meanwhile.
    func intactJobs(in output: OutputFolder) -> Set<String> {
        let all = Array(jobs)
        let chunks = stride(from: 0, to: all.count, by: 512).map { $0 ..< min($0 + 512, all.count) }
        let intact = chunks.parallelMap { chunk in
            all[chunk].compactMap { id, job in
                job.files.allSatisfy { file in output.stat(file.path).map { $0 == (file.size, file.modified) } ?? false } ? id : nil
            }
        }
        return Set(intact.joined())
    }

    /// Whether the job `id` had this fingerprint and its files are among the `intact` ones (`intactJobs`).
    func isUnchanged(_ id: String, fingerprint: UInt64, intact: Set<String>) -> Bool {
        jobs[id]?.fingerprint == fingerprint && intact.contains(id)
    }

    /// Size and modification time (nanoseconds) of a regular file, by its full path.
    static func stat(_ path: String) -> (size: Int, modified: Int)? {
        var info = Glibc.stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return (Int(info.st_size), info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec)
    }

    /// The output folder, open, so that its files are looked up from it (`fstatat`) rather than from the root
    /// each time: a large site has tens of thousands of them.
    final class OutputFolder: @unchecked Sendable {
        let path: String
        private let descriptor: Int32

        init(_ path: String) {
            self.path = path
            descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }

        deinit { if descriptor >= 0 { close(descriptor) } }

        /// Size and modification time (nanoseconds) of a regular file, by its path in the folder.
        func stat(_ relative: String) -> (size: Int, modified: Int)? {
            var info = Glibc.stat()
            let found = descriptor >= 0 ? fstatat(descriptor, relative, &info, AT_SYMLINK_NOFOLLOW) : lstat(path + "/" + relative, &info)
            guard found == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            return (Int(info.st_size), info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec)
        }
    }

    static func load(from folder: URL) -> PageRecords {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path) else { return PageRecords() }
        let bytes = [UInt8](data)
        // The last line is "end " and the checksum of the lines before it.
        guard bytes.last == 0x0A, let lastStart = bytes.dropLast().lastIndex(of: 0x0A).map({ $0 + 1 }),
              let firstEnd = bytes.firstIndex(of: 0x0A), firstEnd < lastStart,
              TabbedText.string(bytes, lastStart ..< bytes.count - 1) == "end " + checksum(bytes, lines: 0 ..< lastStart - 1)
        else { return PageRecords() }
        let first = TabbedText.string(bytes, 0 ..< firstEnd)
        guard first.hasPrefix(header + " "), let environment = UInt64(first.dropFirst(header.count + 1), radix: 16) else { return PageRecords() }
        var jobs: [String: Job] = [:]
        let body = Array(bytes[(firstEnd + 1) ..< lastStart])
        let valid = TabbedText.forEachLine(body) { fields in
            guard fields.count >= 2, (fields.count - 2) % 3 == 0, let fingerprint = TabbedText.hex(body, fields[1]) else { return false }
            var files: [Written] = []
            files.reserveCapacity((fields.count - 2) / 3)
            for index in stride(from: 2, to: fields.count, by: 3) {
                guard let size = TabbedText.decimal(body, fields[index + 1]), let modified = TabbedText.decimal(body, fields[index + 2]) else { return false }
                files.append(Written(path: TabbedText.string(body, fields[index]), size: Int(size), modified: Int(modified)))
            }
            jobs[TabbedText.string(body, fields[0])] = Job(fingerprint: fingerprint, files: files)
            return true
        }
        guard valid else { return PageRecords() }
        return PageRecords(jobs: jobs, environment: environment)
    }

    func save(to folder: URL) {
        // Written as bytes: at 10,000 documents, formatting 50,000 strings cost more than the rest of the save.
        var checked = Array("\(Self.header) \(String(environment, radix: 16))".utf8)
        checked.reserveCapacity(jobs.count * 200)
        for id in order ?? jobs.keys.sorted() {
            let job = jobs[id]!
            checked.append(0x0A)
            checked += id.utf8
            checked.append(0x09)
            Self.append(job.fingerprint, radix: 16, to: &checked)
            for file in job.files {
                checked.append(0x09)
                checked += file.path.utf8
                for number in [file.size, file.modified] {
                    checked.append(0x09)
                    if number < 0 { checked.append(UInt8(ascii: "-")) }
                    Self.append(UInt64(number.magnitude), radix: 10, to: &checked)
                }
            }
        }
        let end = "\nend " + Self.checksum(checked, lines: 0 ..< checked.count) + "\n"
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data(checked + Array(end.utf8)).write(to: folder.appendingPathComponent(Self.fileName), options: .atomic)
    }

    /// `number`'s digits, as `String(number, radix:)` gives them.
    private static func append(_ number: UInt64, radix: UInt64, to bytes: inout [UInt8]) {
        let start = bytes.count
        var rest = number
        repeat {
            let digit = UInt8(rest % radix)
            bytes.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
            rest /= radix
        } while rest > 0
        bytes[start...].reverse()
    }

    /// The fingerprint of the lines (without their final line break) whose bytes are `bytes[lines]`.
    private static func checksum(_ bytes: [UInt8], lines: Range<Int>) -> String {
        var fingerprint = Fingerprint()
        bytes[lines].withUnsafeBytes { fingerprint.add(bytes: $0) }
        return fingerprint.hex
    }
}
