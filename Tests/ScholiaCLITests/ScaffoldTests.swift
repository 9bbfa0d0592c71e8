import Foundation
import Testing

@Suite struct ScaffoldTests {
    @Test func aNewSiteBuildsAndTakesNewDocuments() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("scholia-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        // From a folder far from the repository: the theme comes from the binary.
        #expect(try CLI.run(["new", "site", "hist210"], in: parent).status == 0)
        let site = parent.appendingPathComponent("hist210")
        let added = try CLI.run(["new", "document", "Remarks on Syria", "--type", "remarks", "--date", "2013-09-10", "--site", site.path])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("Content/documents/remarks-on-syria.md"))
        #expect(try CLI.run(["new", "document", "Remarks on Syria", "--site", site.path]).status == 1, "never overwrites")
        let built = try CLI.run(["build", "--site", site.path])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr.isEmpty)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("Public/documents/remarks-on-syria/index.html").path))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("Public/documents/gettysburg-address/index.html").path))
        #expect(try CLI.run(["new", "site", "hist210"], in: parent).status == 1, "an existing folder is not overwritten")
    }

    @Test func theSampleSiteBuildsWithoutWarnings() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("scholia-sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try CLI.run(["build", "--site", CLI.repository.path, "--output", output.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let links = LinkChecker.brokenLinks(in: output, basePath: "/")
        #expect(links.broken.isEmpty, "\(links.broken)")
        let seed = try String(contentsOf: output.appendingPathComponent("documents/kerry-lavrov-press-conference-2013-05-07/index.html"), encoding: .utf8)
        #expect(seed.contains(#"data-speaker="john-kerry""#))
        #expect(seed.contains("Excerpt from the press conference:"))
    }
}
