import Foundation
import Testing

/// The publishing rule under faults: the build is stopped after every one of its first 24 file operations (then
/// every sixth), killed at random moments, and run out of disk, in both write modes. After each, the output
/// folder exists and each of its files is its old bytes or its new bytes; the next build then produces
/// exactly the bytes of a clean build and leaves nothing behind.
@Suite(.serialized) struct PublishFaultTests {
    /// Runs the build stopped after `n` file operations (`SCHOLIA_FAULT_AFTER_WRITES`) for n = 1, 2, … until
    /// the build gets to the end without reaching n.
    @Test(arguments: Publishing.Mode.allCases) func aBuildStoppedAfterAnyFileOperationIsRedoneExactly(mode: Publishing.Mode) throws {
        let scenario = try Scenario(mode: mode)
        defer { scenario.remove() }
        var n = 1, faults = 0
        var leftBehind: [String: Int] = [:]
        while n < 2_000 {
            let work = try scenario.freshCopy()
            defer { work.remove() }
            let output = work.root.appendingPathComponent("Public")
            let folderBefore = Publishing.inode(output)
            let stopped = try CLI.run(["build", "--site", work.root.path, "--quiet"], environment: ["SCHOLIA_FAULT_AFTER_WRITES": "\(n)"])
            if stopped.status == 0 {
                // The build ran to its end, in the mode this test means: a swap puts another folder in place.
                #expect((Publishing.inode(output) == folderBefore) == (mode == .inPlace))
                #expect(FixtureSite.snapshot(output) == scenario.new)
                break
            }
            #expect(stopped.status == 86, "after \(n) operations: \(stopped.stderr)")
            faults += 1
            #expect(Publishing.ruleViolations(output: output, old: scenario.old, new: scenario.new, mode: mode) == [], "after \(n) operations")
            for item in Publishing.leftovers(in: work.root) { leftBehind[Publishing.kind(of: item), default: 0] += 1 }
            try scenario.expectRepaired(work, after: "\(n) operations")
            n += n < 24 ? 1 : 6
        }
        #expect(faults >= 10)
        print("fault injection, \(mode): \(faults) points stopped (n = 1…\(n - 1)); left behind before the next build: \(Publishing.describe(leftBehind))")
    }

    /// SIGKILLs the build at moments drawn from a fixed seed within the time a whole build takes.
    @Test(arguments: Publishing.Mode.allCases) func aBuildKilledAtRandomMomentsIsRedoneExactly(mode: Publishing.Mode) throws {
        let scenario = try Scenario(mode: mode, documents: 24)
        defer { scenario.remove() }
        let timing = try scenario.freshCopy()
        let start = Date()
        #expect(try timing.build().status == 0)
        let duration = Date().timeIntervalSince(start)
        timing.remove()
        var random = SeededRandom(seed: 11)
        var killed = 0
        var leftBehind: [String: Int] = [:]
        for round in 0..<6 {
            let work = try scenario.freshCopy()
            defer { work.remove() }
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["build", "--site", work.root.path, "--quiet"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(duration * 1_000_000 * random.fraction()))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killed += 1 }
            let output = work.root.appendingPathComponent("Public")
            #expect(Publishing.ruleViolations(output: output, old: scenario.old, new: scenario.new, mode: mode) == [], "round \(round)")
            for item in Publishing.leftovers(in: work.root) { leftBehind[Publishing.kind(of: item), default: 0] += 1 }
            try scenario.expectRepaired(work, after: "kill in round \(round)")
        }
        #expect(killed >= 3)
        print("SIGKILL, \(mode): \(killed) of 6 builds killed; left behind before the next build: \(Publishing.describe(leftBehind))")
    }

    /// A 2 MB file system fills up while two large documents are published: the build fails, the rule holds,
    /// and once the documents are removed the next build is a clean one, never "up to date" over a broken output.
    @Test(.enabled(if: Publishing.canMount, "mounting a tmpfs is not permitted here (needs root)"), arguments: Publishing.Mode.allCases)
    func aFullDiskFailsTheBuildAndTheNextOneRepairsIt(mode: Publishing.Mode) throws {
        let disk = try Publishing.mountTmpfs(size: "2m")
        defer { Publishing.unmount(disk) }
        let source = try Publishing.site()
        defer { source.remove() }
        let site = FixtureSite(existing: disk.appendingPathComponent("site"))
        try Publishing.copy(source.root, to: site.root)
        #expect(try site.build().status == 0)
        let old = FixtureSite.snapshot(site.root.appendingPathComponent("Public"))
        if mode == .swap { try Publishing.change(site, for: .swap) }
        let large = String(repeating: "PRESIDENT: Words of a very long speech, recorded for the archive.\n\n", count: 7_000)
        for name in ["large-1", "large-2"] { try site.write("Content/documents/\(name).txt", large) ; try site.write("Content/documents/\(name).yml", "title: \(name)\ndate: 1950-01-01\n") }
        let new = try Publishing.cleanBuild(of: site)
        let failed = try site.build()
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("No space left"), "\(failed.stderr)")
        let output = site.root.appendingPathComponent("Public")
        #expect(Publishing.ruleViolations(output: output, old: old, new: new, mode: mode) == [])
        print("full disk, \(mode): left behind before the next build: \(Publishing.leftovers(in: site.root))")
        for name in ["large-1", "large-2"] {
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/documents/\(name).txt"))
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/documents/\(name).yml"))
        }
        let repaired = try site.build()
        #expect(repaired.status == 0, "\(repaired.stderr)")
        #expect(!repaired.stdout.contains("Nothing changed"))
        let clean = try Publishing.cleanBuild(of: site)
        #expect(FixtureSite.snapshot(output) == clean)
        #expect(Publishing.leftovers(in: site.root) == [])
        #expect(Publishing.strayFolders(in: output, clean: clean) == [])
    }
}

/// A site built once, then changed so that its next build publishes in `mode`: the old output, the output
/// of a clean build of the changed inputs, and a copy of the whole site to start each trial from.
struct Scenario {
    let old: [String: Data]
    let new: [String: Data]
    private let site: FixtureSite
    private let saved: URL

    init(mode: Publishing.Mode, documents: Int = 6) throws {
        site = try Publishing.site(documents: documents)
        let built = try site.build()
        #expect(built.status == 0, "\(built.stderr)")
        old = FixtureSite.snapshot(site.root.appendingPathComponent("Public"))
        try Publishing.change(site, for: mode)
        new = try Publishing.cleanBuild(of: site)
        saved = FileManager.default.temporaryDirectory.appendingPathComponent("scholia-saved-\(UUID().uuidString)")
        try Publishing.copy(site.root, to: saved)
    }

    /// The changed site, not yet built, at its own path (the output's path is part of what a build
    /// remembers: at another path, every build would start afresh with a swap).
    func freshCopy() throws -> FixtureSite {
        site.remove()
        try Publishing.copy(saved, to: site.root)
        return site
    }

    /// The next build after a fault: a clean build's bytes, and nothing left behind.
    func expectRepaired(_ work: FixtureSite, after fault: String) throws {
        let redo = try work.build()
        #expect(redo.status == 0, "after \(fault): \(redo.stderr)")
        #expect(FixtureSite.snapshot(work.root.appendingPathComponent("Public")) == new, "after \(fault)")
        #expect(Publishing.leftovers(in: work.root) == [], "after \(fault)")
        #expect(Publishing.strayFolders(in: work.root.appendingPathComponent("Public"), clean: new) == [], "after \(fault)")
    }

    func remove() {
        site.remove()
        try? FileManager.default.removeItem(at: saved)
    }
}

/// A fixed sequence of fractions in [0, 1), the same on every run.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func fraction() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) / Double(1 << 53)
    }
}
