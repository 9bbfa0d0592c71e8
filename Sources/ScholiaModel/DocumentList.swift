/// The site's documents, in chunks: a site with a document replaced (`Site.replacingDocuments`, the preview's quick
/// path after a save) shares every other chunk with the site before it, where one array would be copied whole: at
/// 100,000 documents, 70 MB and a tenth of a second for each save.
package struct DocumentList: RandomAccessCollection, MutableCollection, Sendable {
    private static let chunkShift = 9
    private static let chunkMask = (1 << chunkShift) - 1
    private var chunks: [[Document]]
    package let count: Int

    package init(_ documents: [Document]) {
        count = documents.count
        chunks = stride(from: 0, to: documents.count, by: 1 << Self.chunkShift).map { start in
            Array(documents[start ..< Swift.min(start + (1 << Self.chunkShift), documents.count)])
        }
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { count }

    package subscript(index: Int) -> Document {
        get {
            precondition(index >= 0 && index < count, "document index out of range")
            return chunks[index >> Self.chunkShift][index & Self.chunkMask]
        }
        set {
            precondition(index >= 0 && index < count, "document index out of range")
            chunks[index >> Self.chunkShift][index & Self.chunkMask] = newValue
        }
    }
}
