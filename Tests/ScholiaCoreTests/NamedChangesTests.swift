import Foundation
import Testing
@testable import ScholiaModel
@testable import ScholiaCore

/// `scholia serve` stamps again only the files its watcher named (`InputStamps.updating`, `SiteSession.plan(changed:)`),
/// and every input when the names cannot stand for a scan.
@Suite struct NamedChangesTests {
    private static func write(_ text: String, to path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func theNamedFilesStampedAgainAreWhatAScanFinds() throws {
        let site = try TestSite(SiteEditor(seed: 7).initialFiles())
        defer { site.remove() }
        let root = site.root
        let before = InputStamps.take(of: root)
        try TextEditPlanTests.append("A new line.", to: 1, in: root)
        try Self.write("---\ntitle: New\ndate: 2000\n---\n\nNew.\n", to: "Content/documents/new.md", in: root)
        try FileManager.default.removeItem(at: root.appendingPathComponent("Content/documents/doc-2.md"))
        try Self.write("hidden", to: "Content/documents/.hidden.md", in: root)
        let named: Set<String> = ["Content/documents/doc-1.md", "Content/documents/new.md", "Content/documents/doc-2.md",
                                  "Content/documents/doc-3.md", "Content/documents/.hidden.md", "Content/documents/never-there.md"]
        let (updated, changed) = try #require(before.updating(named))
        #expect(changed == ["Content/documents/doc-1.md", "Content/documents/new.md", "Content/documents/doc-2.md"])
        let scan = InputStamps.take(of: root)
        #expect(scan.changes(since: before) == changed)
        #expect(Set(updated.stamps.keys) == Set(scan.stamps.keys) && scan.changes(since: updated).isEmpty)
        #expect(!updated.hasLinks)
    }

    @Test func namesThatCannotStandForAScanAreRefused() throws {
        let site = try TestSite(SiteEditor(seed: 8).initialFiles())
        defer { site.remove() }
        let stamps = InputStamps.take(of: site.root)
        for path in ["Content/documents", "Content", "Templates", "Public/index.html", "Content/documents/../../x.md", "/etc/passwd",
                     "site.yml/x", "Content//documents/doc-1.md"] {
            #expect(stamps.updating([path]) == nil, "\(path)")
        }
        #expect(stamps.updating(["site.yml"])?.changed == [])
        // A link is followed by the loader wherever it leads: named, it marks the stamps as never compared.
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Content/documents/link.md").path,
                                                   withDestinationPath: site.root.appendingPathComponent("Content/documents/doc-1.md").path)
        #expect(stamps.updating(["Content/documents/link.md"])?.stamps.hasLinks == true)
    }

    /// A save of the same size within the clock tick of the stamps leaves the stamp as it was: its bytes are compared.
    @Test func aNamedSaveOfTheSameSizeInTheSameTickIsSeen() throws {
        let site = try TestSite(SiteEditor(seed: 9).initialFiles())
        defer { site.remove() }
        let path = "Content/documents/doc-2.md"
        var stamps = InputStamps.take(of: site.root)
        for word in ["LONG", "long", "Long"] {
            let url = site.root.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            let handle = try FileHandle(forWritingTo: url)
            try handle.write(contentsOf: Data(text.replacingOccurrences(of: "long day", with: "\(word) day", options: .caseInsensitive).utf8))
            try handle.close()
            let update = try #require(stamps.updating([path]))
            #expect(update.changed == [path], "\(word)")
            stamps = update.stamps
        }
    }

    @Test func namedSavesArePlannedQuicklyWithTheBytesOfAFullBuild() throws {
        let editor = SiteEditor(seed: 10)
        let site = try TestSite(editor.initialFiles())
        defer { site.remove() }
        let options = BuildOptions(siteDirectory: site.root)
        let session = SiteSession(options: options)
        try TextEditPlanTests.expectFullBuildBytes(session, options, "start")
        for round in 1...3 {
            let number = editor.documents[round]
            try TextEditPlanTests.append("Named save \(round).", to: number, in: site.root)
            let before = session.quickPlanCount
            // An editor's scratch file, named too, that came and went.
            _ = try session.plan(changed: ["Content/documents/doc-\(number).md", "Content/documents/doc-\(number).md~"])
            #expect(session.quickPlanCount == before + 1, "round \(round)")
            try TextEditPlanTests.expectFullBuildBytes(session, options, "round \(round)")
        }
        // A file added: the full plan.
        try Self.write(editor.document(40, version: 0), to: "Content/documents/doc-40.md", in: site.root)
        let before = session.quickPlanCount
        _ = try session.plan(changed: ["Content/documents/doc-40.md"])
        #expect(session.quickPlanCount == before)
        try TextEditPlanTests.expectFullBuildBytes(session, options, "new document")
    }

    /// The files named before a plan that failed are stamped again by the next one, with those named since.
    @Test func namesOfAFailedPlanAreKeptForTheNext() throws {
        let editor = SiteEditor(seed: 11)
        let site = try TestSite(editor.initialFiles())
        defer { site.remove() }
        let options = BuildOptions(siteDirectory: site.root)
        let session = SiteSession(options: options)
        try TextEditPlanTests.expectFullBuildBytes(session, options, "start")
        let (first, second) = (editor.documents[1], editor.documents[2])
        let secondPath = "Content/documents/doc-\(second).md"
        let good = try String(contentsOf: site.root.appendingPathComponent(secondPath), encoding: .utf8)
        try TextEditPlanTests.append("Saved before the broken one.", to: first, in: site.root)
        try Self.write(good.replacingOccurrences(of: "title:", with: "title: [unclosed"), to: secondPath, in: site.root)
        #expect(throws: ContentErrors.self) { try session.plan(changed: ["Content/documents/doc-\(first).md", secondPath]) }
        try Self.write(good + "\nMended.\n", to: secondPath, in: site.root)
        let before = session.quickPlanCount
        let planned = try session.plan(changed: [secondPath])
        #expect(session.quickPlanCount == before + 1)
        let page = try #require(planned.data(at: "documents/doc-\(first)/index.html"))
        #expect(String(decoding: page, as: UTF8.self).contains("Saved before the broken one."))
        try TextEditPlanTests.expectFullBuildBytes(session, options, "after the mended save")
    }

    /// The quick plan's site: the edited documents in place, the indexes kept; refused for a document whose date or
    /// type changed, which the indexes would not show.
    @Test func aSiteWithReplacedDocumentsKeepsItsIndexes() throws {
        let site = try TestSite(SiteEditor(seed: 12).initialFiles())
        defer { site.remove() }
        let loaded = try #require(site.load().0)
        var edited = loaded.documents[1]
        edited.contentKey &+= 1
        let replaced = try #require(loaded.replacingDocuments([edited]))
        #expect(replaced.document(edited.id)?.contentKey == edited.contentKey)
        #expect(replaced.documents.map(\.id) == loaded.documents.map(\.id))
        #expect(String(reflecting: replaced.years) == String(reflecting: loaded.years) && String(reflecting: replaced.types) == String(reflecting: loaded.types))
        var retyped = edited
        retyped.type = "a-new-type"
        #expect(loaded.replacingDocuments([retyped]) == nil)
    }
}
