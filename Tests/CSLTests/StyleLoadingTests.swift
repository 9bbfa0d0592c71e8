import Foundation
import Testing
@testable import CSL

@Suite struct StyleLoadingTests {
    static let parent = """
    <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
      <info><id>http://www.zotero.org/styles/parent-style</id><title>Parent</title></info>
      <citation><layout prefix="(" suffix=")"><text variable="title"/></layout></citation>
    </style>
    """
    static let dependent = """
    <style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="de-DE">
      <info><id>http://www.zotero.org/styles/child</id><title>Child</title>
        <link rel="independent-parent" href="http://www.zotero.org/styles/parent-style"/></info>
    </style>
    """

    @Test func dependentStyleLoadsParentFromFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csl-styles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dependent"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.parent.utf8).write(to: folder.appendingPathComponent("parent-style.csl"))
        let childURL = folder.appendingPathComponent("dependent/child.csl")
        try Data(Self.dependent.utf8).write(to: childURL)
        let style = try CSLStyle(contentsOf: childURL)
        #expect(style.id == "http://www.zotero.org/styles/child")
        #expect(style.defaultLocale == "de-DE")
        let processor = try CSLProcessor(style: style, locales: TestSupport.store)
        let item = CSLItem(id: "a", variables: ["title": "Titel"])
        #expect(processor.citation([CSLCite(id: "a")], items: [item]).text == "(Titel)")
    }

    @Test func processorsRenderConcurrently() async throws {
        let style = try CSLStyle(xml: Data(FuzzTests.sampleStyle.utf8), path: "s.csl")
        let items = try CSLItem.decodeArray(from: Data(FuzzTests.sampleItems.utf8))
        let expected = try CSLProcessor(style: style, locales: TestSupport.store).bibliography(items: items).map(\.html)
        try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    let processor = try CSLProcessor(style: style, locales: TestSupport.store)
                    return processor.bibliography(items: items).map(\.html)
                }
            }
            for try await result in group { #expect(result == expected) }
        }
    }
}
