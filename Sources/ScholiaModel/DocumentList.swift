/// The site's documents, in chunks: a site with a document replaced (`Site.replacingDocuments`, the preview's quick
/// path after a save) shares every other chunk with the site before it, where one array would be copied whole: at
/// 100,000 documents, 70 MB and a tenth of a second for each save. Chunks are small, as a speaker's new name replaces
/// the documents that declare it, spread over the whole list (32 of 10,000 took 24 ms in chunks of 512, 3 ms in 64).
package struct DocumentList: RandomAccessCollection, MutableCollection, Sendable {
    private static let chunkShift = 6
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

    /// The indices, in order, of the documents that pass `test`, on every core. `test` gets each document's address:
    /// it reads the fields it needs where they are, where a document handed over by value is copied first, each of
    /// its fields retained (at 100,000 documents, most of the preview's plan after a speaker's new name).
    package func indices(where test: @Sendable (UnsafePointer<Document>) -> Bool) -> [Int] {
        chunks.indices.parallelMap { chunk in
            chunks[chunk].withUnsafeBufferPointer { documents in
                documents.indices.filter { test(documents.baseAddress! + $0) }.map { (chunk << Self.chunkShift) + $0 }
            }
        }.flatMap { $0 }
    }

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
