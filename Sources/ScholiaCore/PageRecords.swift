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
/// The file is a log of segments, each ending with a line `end` and the fingerprint of the segment's bytes (the first
/// segment's include the header): a build that changed a few jobs appends their records as a segment, a later record
/// of a job replacing an earlier one, rather than writing 7 MB at 10,000 documents. A cache that was cut short, edited
/// or written by another version of Scholia is ignored as a whole, never trusted in part.
struct PageRecords: Sendable {
    struct Written: Sendable, Equatable {
        var path: String
        var size: Int
        var modified: Int
    }

    struct Job: Sendable, Equatable {
        var fingerprint: UInt64
        var files: [Written]
    }

    private(set) var jobs: [String: Job] = [:]
    /// The fingerprint of the theme, settings and program the last build had (`BuildCache.environmentKey`).
    private(set) var environment: UInt64 = 0
    /// The length of the file these records were loaded from, and of its first segment: a save appends to the file only
    /// when it is still that long, and writes it anew once the appended segments outweigh the first.
    private var loadedFile: (bytes: Int, firstSegment: Int)?

    static let fileName = "pages"
    private static var header: String { "scholia-pages \(ScholiaVersion.current)" }

    init() {}

    /// The order `save` writes the jobs in: a build's jobs in the order it planned them (always the same for the same
    /// site), as sorting 40,000 ids cost a third of the save; by id when not given.
    private var order: [String]?
    /// The only jobs whose records can differ from those loaded, when these are the loaded records `updating` a few.
    private var remadeIDs: [String]?

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

    /// These records with `remade` in place of (or beside) the records of the same jobs: those of a build that made a few
    /// jobs again and dropped none, without a table of every job built anew. Saving appends only those jobs' records.
    func updating(_ remade: [(id: String, job: Job)]) -> PageRecords {
        var next = self
        for (id, job) in remade { next.jobs[id] = job }
        next.remadeIDs = remade.map(\.id)
        next.order = nil
        next.loadedFile = nil
        return next
    }

    /// The jobs with a file in `output` that is not as the last build wrote it (another size or time, or gone): a stat of
    /// every recorded file, on every core. The others are intact. A build looks before it loads the site, on the cores
    /// the load leaves idle, rather than job by job while it renders; it holds the site's lock, so nothing it does not
    /// make changes the output meanwhile. (The broken ones are few, where the intact ones are every page of the site.)
    func brokenJobs(in output: OutputFolder) -> Set<String> {
        let all = Array(jobs)
        let chunks = stride(from: 0, to: all.count, by: 512).map { $0 ..< min($0 + 512, all.count) }
        let broken = chunks.parallelMap { chunk in
            all[chunk].compactMap { id, job in
                job.files.allSatisfy { file in output.stat(file.path).map { $0 == (file.size, file.modified) } ?? false } ? nil : id
            }
        }
        return Set(broken.joined())
    }

    /// Whether the job `id` had this fingerprint and none of its files is `broken` (`brokenJobs`).
    func isUnchanged(_ id: String, fingerprint: UInt64, broken: Set<String>) -> Bool {
        jobs[id]?.fingerprint == fingerprint && !broken.contains(id)
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
        guard let firstEnd = bytes.firstIndex(of: 0x0A) else { return PageRecords() }
        let first = TabbedText.string(bytes, 0 ..< firstEnd)
        guard first.hasPrefix(header + " "), let environment = UInt64(first.dropFirst(header.count + 1), radix: 16) else { return PageRecords() }
        var jobs: [String: Job] = [:]
        var segmentStart = 0, bodyStart = firstEnd + 1, lineStart = firstEnd + 1
        var firstSegment: Int?
        while lineStart < bytes.count {
            // A line cut short (a build stopped while appending) leaves the whole file untrusted.
            guard let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) else { return PageRecords() }
            defer { lineStart = lineEnd + 1 }
            // A job's line has tabs; the line that ends a segment has none.
            guard bytes[lineStart...].starts(with: Self.endMark), !bytes[lineStart ..< lineEnd].contains(0x09) else { continue }
            guard lineStart > segmentStart,
                  TabbedText.string(bytes, lineStart + endMark.count ..< lineEnd) == checksum(bytes, lines: segmentStart ..< lineStart - 1),
                  read(Array(bytes[bodyStart ..< lineStart]), into: &jobs) else { return PageRecords() }
            firstSegment = firstSegment ?? lineEnd + 1
            segmentStart = lineEnd + 1
            bodyStart = lineEnd + 1
        }
        guard let firstSegment, segmentStart == bytes.count else { return PageRecords() }
        var records = PageRecords(jobs: jobs, environment: environment)
        records.loadedFile = (bytes.count, firstSegment)
        return records
    }

    private static let endMark = Array("end ".utf8)

    /// Reads the job lines of a segment into `jobs`; false if one is not a job's record.
    private static func read(_ body: [UInt8], into jobs: inout [String: Job]) -> Bool {
        TabbedText.forEachLine(body) { fields in
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
    }

    /// Saves these records over `previous` (the ones this build loaded): the jobs whose record changed are appended to
    /// the file as a segment, or the whole file is written anew when the environment changed, a job is gone, the file is
    /// not as it was loaded, or the segments appended would outweigh the first.
    func save(to folder: URL, replacing previous: PageRecords) {
        let url = folder.appendingPathComponent(Self.fileName)
        if let loaded = previous.loadedFile, previous.environment == environment,
           remadeIDs != nil || !previous.jobs.keys.contains(where: { jobs[$0] == nil }) {
            let changed = (remadeIDs ?? order ?? jobs.keys.sorted()).filter { previous.jobs[$0] != jobs[$0] }
            if changed.isEmpty { return }
            var segment = lines(changed)
            let appended = loaded.bytes - loaded.firstSegment + segment.count
            if appended <= loaded.firstSegment, let handle = try? FileHandle(forWritingTo: url) {
                defer { try? handle.close() }
                segment.removeFirst()  // the line break before the first line: the file ends with one
                let end = "\nend " + Self.checksum(segment, lines: 0 ..< segment.count) + "\n"
                if (try? handle.seekToEnd()) == UInt64(loaded.bytes), (try? handle.write(contentsOf: segment + Array(end.utf8))) != nil { return }
            }
        }
        save(to: folder)
    }

    /// Writes the file anew: one segment.
    func save(to folder: URL) {
        let checked = Array("\(Self.header) \(String(environment, radix: 16))".utf8) + lines(order ?? jobs.keys.sorted())
        let end = "\nend " + Self.checksum(checked, lines: 0 ..< checked.count) + "\n"
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data(checked + Array(end.utf8)).write(to: folder.appendingPathComponent(Self.fileName), options: .atomic)
    }

    /// The records of the jobs `ids`, each line after a line break. Written as bytes: at 10,000 documents, formatting
    /// 50,000 strings cost more than the rest of the save.
    private func lines(_ ids: [String]) -> [UInt8] {
        var checked: [UInt8] = []
        checked.reserveCapacity(ids.count * 200)
        for id in ids {
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
        return checked
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
