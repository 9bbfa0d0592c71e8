import Foundation
import Testing
@testable import ScholiaModel

/// `DocumentList`: the site's documents in chunks, read and replaced as one array would be.
@Suite struct DocumentListTests {
    private static func documents(_ count: Int) -> [Document] {
        (0 ..< count).map { DocumentPageFingerprintTests.Fixture.document("doc-\($0)", year: 1900 + $0 % 100) }
    }

    @Test(arguments: [0, 1, 511, 512, 513, 1500])
    func itReadsAsTheArrayItWasMadeFrom(count: Int) {
        let array = Self.documents(count)
        let list = DocumentList(array)
        #expect(list.count == count)
        #expect(list.map(\.id) == array.map(\.id))
        #expect(list.indices == array.indices)
        #expect(list.prefix(3).map(\.id) == array.prefix(3).map(\.id))
        #expect(list.dropFirst(510).prefix(5).map(\.id) == array.dropFirst(510).prefix(5).map(\.id))
        #expect(list.parallelMap(\.id) == array.map(\.id))
        if count > 0 { #expect(list[count - 1].id == array[count - 1].id) }
    }

    @Test(arguments: [0, 1, 63, 64, 65, 1500])
    func theIndicesThatPassATestAreThoseOfTheArrayInOrder(count: Int) {
        let array = Self.documents(count)
        let passes: @Sendable (String) -> Bool = { $0.hasSuffix("3") || $0 == "doc-64" }
        #expect(DocumentList(array).indices(where: { passes($0.pointee.id) }) == array.indices.filter { passes(array[$0].id) })
    }

    @Test func aReplacedDocumentChangesThatListOnly() {
        let before = DocumentList(Self.documents(1500))
        var after = before
        for index in [0, 511, 512, 1499] { after[index].title = "Replaced \(index)" }
        for index in before.indices {
            #expect(before[index].title == "Title of doc-\(index)")
            #expect(after[index].title == ([0, 511, 512, 1499].contains(index) ? "Replaced \(index)" : "Title of doc-\(index)"))
        }
    }

    @Test func aSiteWithADocumentReplacedKeepsTheOthersAndItsIndexes() throws {
        let site = Site(config: SiteConfig(), documents: Self.documents(1200), speakers: [], topics: [], collections: [], staticFiles: [])
        var edited = try #require(site.document("doc-700"))
        edited.contentKey = 42
        let replaced = try #require(site.replacingDocuments([edited]))
        #expect(replaced.document("doc-700")?.contentKey == 42)
        #expect(site.document("doc-700")?.contentKey != 42)
        #expect(replaced.documents.map(\.id) == site.documents.map(\.id))
        #expect(replaced.hasDocument("doc-1199") && !replaced.hasDocument("doc-1200"))
    }
}
