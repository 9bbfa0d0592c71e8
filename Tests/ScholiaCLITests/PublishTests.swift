import Foundation
import Testing

/// Publishing, case by case (issue 11): what a build does with an output that is a link, a mount point or
/// inside the inputs, with folders a user made, with leftovers of dead builds, and with a second build.
@Suite struct PublishTests {
    /// Item 1: the link's target receives the site; it is never emptied, and the link stays a link.
    @Test func anOutputThatIsASymbolicLinkIsPublishedThrough() throws {
        let site = try Publishing.site()
        defer { site.remove() }
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("scholia-www-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: target) }
        let output = site.root.appendingPathComponent("Public")
        try FileManager.default.createSymbolicLink(at: output, withDestinationURL: target)
        #expect(try site.build().status == 0)
        try Publishing.change(site, for: .swap)
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: output.path)) == target.path)
        #expect(FixtureSite.snapshot(target) == (try Publishing.cleanBuild(of: site)))
        #expect(Publishing.leftovers(in: site.root) == [])
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path)) ?? []).filter { $0.hasPrefix(".\(target.lastPathComponent).") } == [])
    }

    @Test func aLinkToNothingIsAnErrorNamingIt() throws {
        let site = try Publishing.site()
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Public").path, withDestinationPath: "/nonexistent/www")
        let result = try site.build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("Public is a symbolic link to /nonexistent/www, which does not exist"), "\(result.stderr)")
    }

    /// Item 2: a build killed during an in-place update, whose change is then undone, is not "up to date":
    /// the journal says the output is not to be trusted, and the next build redoes it.
    @Test func anInterruptedInPlaceUpdateIsNeverTrusted() throws {
        let site = try Publishing.site()
        defer { site.remove() }
        #expect(try site.build().status == 0)
        let old = FixtureSite.snapshot(site.root.appendingPathComponent("Public"))
        let saved = try String(contentsOf: site.root.appendingPathComponent("Content/documents/doc-1.md"), encoding: .utf8)
        try site.write("Content/documents/doc-1.md", document("Document 1, revised", date: "1941-05-02", body: "New words."))
        let stopped = try CLI.run(["build", "--site", site.root.path, "--quiet"], environment: ["SCHOLIA_FAULT_AFTER_WRITES": "6"])
        #expect(stopped.status == 86)
        #expect(FixtureSite.snapshot(site.root.appendingPathComponent("Public")) != old, "the fault came before any change: move it later")
        try site.write("Content/documents/doc-1.md", saved)
        let redo = try CLI.run(["build", "--site", site.root.path])
        #expect(redo.status == 0, "\(redo.stderr)")
        #expect(!redo.stdout.contains("Nothing changed"))
        #expect(FixtureSite.snapshot(site.root.appendingPathComponent("Public")) == old)
        #expect(Publishing.leftovers(in: site.root) == [])
    }

    /// Item 3: staging and set-aside folders of builds that died are removed; a living build's are not.
    @Test func leftoversOfDeadBuildsAreRemoved() throws {
        let site = try Publishing.site()
        defer { site.remove() }
        #expect(try site.build().status == 0)
        let dead = Publishing.deadProcessID()
        for name in [".Public.staging-\(dead)", ".Public.previous-\(dead)"] {
            try site.write("\(name)/index.html", "old")
        }
        let living = ".Public.staging-\(getpid())"
        try site.write("\(living)/index.html", "in use")
        try Publishing.change(site, for: .swap)
        #expect(try site.build().status == 0)
        #expect(Publishing.leftovers(in: site.root) == [living])
    }

    /// Item 3: with the two-rename fallback, a build killed between the renames left no output; the next
    /// build puts the old one back before anything else.
    @Test func anOutputSetAsideByADeadBuildIsPutBack() throws {
        let site = try Publishing.site()
        defer { site.remove() }
        #expect(try site.build().status == 0)
        let output = site.root.appendingPathComponent("Public")
        let old = FixtureSite.snapshot(output)
        try FileManager.default.moveItem(at: output, to: site.root.appendingPathComponent(".Public.previous-\(Publishing.deadProcessID())"))
        let result = try CLI.run(["build", "--site", site.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FixtureSite.snapshot(output) == old)
        #expect(Publishing.leftovers(in: site.root) == [])
    }

    @Test func gitIgnoresTheStagingFolders() throws {
        for file in [CLI.repository.appendingPathComponent(".gitignore")] {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            #expect(lines.contains("/.Public.staging-*/") && lines.contains("/.Public.previous-*/"))
        }
        let made = FileManager.default.temporaryDirectory.appendingPathComponent("scholia-new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: made) }
        #expect(try CLI.run(["new", "site", made.path]).status == 0)
        let lines = try String(contentsOf: made.appendingPathComponent(".gitignore"), encoding: .utf8).split(separator: "\n")
        #expect(lines.contains("/.Public.staging-*/") && lines.contains("/.Public.previous-*/"))
    }

    /// Item 4.
    @Test(arguments: ["Content/static/out", "Content", "Templates/out", ".", ".scholia-cache/out"])
    func anOutputInsideTheInputsIsAUsageError(output: String) throws {
        let site = try Publishing.site()
        defer { site.remove() }
        try site.write("Content/static/robots.txt", "User-agent: *\n")
        let result = try CLI.run(["build", "--site", site.root.path, "--output", output], in: site.root)
        #expect(result.status == 2)
        #expect(result.stderr.contains("the output folder"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/static/out").path))
    }

    /// Item 5, in both modes.
    @Test(arguments: Publishing.Mode.allCases) func emptyFoldersAUserMadeAreKept(mode: Publishing.Mode) throws {
        let site = try Publishing.site()
        defer { site.remove() }
        #expect(try site.build().status == 0)
        let output = site.root.appendingPathComponent("Public")
        for folder in [".well-known", "my-uploads/2024"] {
            try FileManager.default.createDirectory(at: output.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Publishing.change(site, for: mode)
        #expect(try site.build().status == 0)
        for folder in [".well-known", "my-uploads/2024"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(folder).path), "\(folder)")
        }
    }

    /// One build at a time: a second waits for the first and says who holds the lock.
    @Test func aSecondBuildWaitsForTheFirst() throws {
        let site = try Publishing.site()
        defer { site.remove() }
        let cache = site.root.appendingPathComponent(".scholia-cache")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let lock = open(cache.appendingPathComponent("build.lock").path, O_RDWR | O_CREAT, 0o644)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX) == 0)
        _ = pwrite(lock, "4242\n", 5, 0)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["build", "--site", site.root.path, "--quiet"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        usleep(1_500_000)
        #expect(process.isRunning)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Public").path))
        flock(lock, LOCK_UN)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(message.contains("Waiting for another build of this site to finish (process 4242"), "\(message)")
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Public/index.html").path))
    }

    /// Item 8: an output that is a mount point cannot be renamed (EBUSY): it is updated in place.
    @Test(.enabled(if: Publishing.canMount, "mounting a tmpfs is not permitted here (needs root)"))
    func anOutputAtAMountPointIsUpdatedInPlace() throws {
        let site = try Publishing.site()
        defer { site.remove() }
        let output = site.root.appendingPathComponent("Public")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let mount = try Process.run(URL(fileURLWithPath: "/bin/mount"), arguments: ["-t", "tmpfs", "-o", "size=16m", "tmpfs", output.path])
        mount.waitUntilExit()
        #expect(mount.terminationStatus == 0)
        defer { Publishing.unmount(output) }
        let first = try site.build()
        #expect(first.status == 0, "\(first.stderr)")
        try Publishing.change(site, for: .swap)
        let second = try site.build()
        #expect(second.status == 0, "\(second.stderr)")
        #expect(FixtureSite.snapshot(output) == (try Publishing.cleanBuild(of: site)))
        #expect(Publishing.leftovers(in: site.root) == [])
    }
}

extension Publishing {
    /// A process id no process has now.
    static func deadProcessID() -> Int32 {
        var candidate: Int32 = 4_000_000
        while kill(candidate, 0) == 0 || errno != ESRCH { candidate -= 1 }
        return candidate
    }
}
