import Foundation

/// A document as the index takes it: what the site says of it (`document`, its paragraphs dropped) and the
/// analysis of its text. A build keeps the analysis between builds (`encodedText`), so that a document whose
/// inputs did not change is neither read nor analysed again.
public struct IndexEntry: Sendable {
    public let document: SearchDocument
    let analysis: DocumentAnalysis
    /// The vocabulary that made the analysis in this build, and the analysis's serial number there; nil for one
    /// read from a cache.
    let madeBy: (vocabulary: UInt64, serial: Int)?

    init(document: SearchDocument, analysis: DocumentAnalysis, madeBy: (vocabulary: UInt64, serial: Int)? = nil) {
        var head = document
        head.paragraphs = []
        self.document = head
        self.analysis = analysis
        self.madeBy = madeBy
    }

    /// The analysis, compact (`AnalysisParts.encode`): what a build keeps of the document between builds.
    public var encodedText: Data { analysis.data }

    /// The entry of `document` from its `encodedText`, or nil if the data is not one (another format, cut short).
    public init?(document: SearchDocument, encodedText data: Data) {
        guard let analysis = DocumentAnalysis(encoded: data) else { return nil }
        self.init(document: document, analysis: analysis)
    }
}
