import Foundation
import Testing

/// A power cut must not undo a build the journal calls complete: every file the build wrote, and every folder
/// whose entries it changed, is synced (fsync, or one syncfs for a new tree) before `.scholia-cache/publishing`
/// is removed. The build runs under
/// strace (Debian `strace`), which shows the order of the system calls.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/strace"), "needs strace"))
struct PublishDurabilityTests {
    /// The system calls of one build, in order: file creations, syncs with their file's path (`-y`), renames and unlinks.
    struct Trace {
        let lines: [String]

        /// Line of the first fsync of `path`.
        func sync(of path: String) -> Int? { lines.firstIndex { $0.contains("fsync(") && $0.contains("<\(path)>") } }

        /// Line where the journal is removed: the journal says the build is complete.
        var journalEnd: Int? { lines.lastIndex { $0.contains("unlink") && $0.contains("/.scholia-cache/publishing\"") } }

        /// `(line, from, to)` of every rename, whatever the system call (`rename`, `renameat`, `renameat2`).
        var renames: [(line: Int, from: String, to: String)] {
            lines.enumerated().compactMap { index, line in
                guard line.contains("rename"), !line.contains("resumed") else { return nil }
                let quoted = line.split(separator: "\"", omittingEmptySubsequences: false)
                guard quoted.count >= 5 else { return nil }
                return (index, String(quoted[1]), String(quoted[3]))
            }
        }
    }

    static func tracedBuild(_ site: FixtureSite) throws -> Trace {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("scholia-strace-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let result = try CLI.run(["strace", "-f", "-y", "-qq", "-e", "trace=openat,fsync,fdatasync,syncfs,rename,renameat,renameat2,unlink,unlinkat",
                                  "-o", log.path, CLI.binary.path, "build", "--site", site.root.path, "--quiet"],
                                 program: URL(fileURLWithPath: "/usr/bin/strace"))
        #expect(result.status == 0, "\(result.stderr)")
        return Trace(lines: try String(contentsOf: log, encoding: .utf8).components(separatedBy: "\n"))
    }

    @Test func aSwappedInBuildIsOnDiskBeforeTheJournalEnds() throws {
        let site = try Publishing.site()
        defer { site.remove() }
        let trace = try Self.tracedBuild(site)
        let end = try #require(trace.journalEnd)
        let output = site.root.appendingPathComponent("Public")
        let swap = try #require(trace.renames.first { $0.to == output.path }, "the new folder was not renamed in")
        // One syncfs on the staging folder's file system, after the last file is written, covers every file
        // and folder of the tree (glibc has it; without it each file and folder would be fsynced).
        let staging = swap.from
        let synced = trace.lines.lastIndex { $0.contains("syncfs(") && $0.contains("<\(staging)>") }
        #expect(synced.map { $0 < swap.line } == true, "the staging tree was not synced before the swap")
        let lastWrite = try #require(trace.lines.lastIndex { $0.contains("openat(") && $0.contains("O_CREAT") && $0.contains("\(staging)/") })
        #expect(synced.map { lastWrite < $0 } == true, "a file was written into the tree after it was synced")
        // The swap itself is an entry of the site folder.
        let parent = trace.lines.indices.first { $0 > swap.line && trace.lines[$0].contains("fsync(") && trace.lines[$0].contains("<\(site.root.path)>") }
        #expect(parent.map { $0 < end } == true, "the output's parent folder was not fsynced after the swap")
    }

    @Test func filesReplacedInPlaceAreOnDiskBeforeTheJournalEnds() throws {
        let site = try Publishing.site()
        defer { site.remove() }
        #expect(try site.build().status == 0)
        try Publishing.change(site, for: .inPlace)
        let trace = try Self.tracedBuild(site)
        let end = try #require(trace.journalEnd)
        let output = site.root.appendingPathComponent("Public").path
        let replaced = trace.renames.filter { $0.to.hasPrefix(output + "/") && $0.from == $0.to + ".scholia-new" }
        #expect(replaced.contains { $0.to == output + "/documents/added/index.html" }, "the build did not update in place")
        for rename in replaced {
            let synced = trace.sync(of: rename.from)
            #expect(synced.map { $0 < rename.line } == true, "\(rename.from) was not fsynced before its rename")
            let folder = (rename.to as NSString).deletingLastPathComponent
            let folderSynced = trace.lines.indices.first { $0 > rename.line && trace.lines[$0].contains("fsync(") && trace.lines[$0].contains("<\(folder)>") }
            #expect(folderSynced.map { $0 < end } == true, "\(folder) was not fsynced after its entries changed")
        }
        // The journal itself is on disk (file and folder) before the first output file changes.
        let journalFolder = site.root.appendingPathComponent(".scholia-cache").path
        let firstChange = try #require(replaced.map(\.line).min())
        let journalSynced = trace.lines.indices.first { trace.lines[$0].contains("fsync(") && trace.lines[$0].contains("<\(journalFolder)>") }
        #expect(journalSynced.map { $0 < firstChange } == true, "the journal's folder was not fsynced before the output changed")
    }
}
