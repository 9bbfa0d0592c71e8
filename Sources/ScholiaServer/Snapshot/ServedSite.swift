import Foundation
import ScholiaCore

/// What a snapshot serves its files from: a planned build, or, while the first plan is made, the last `scholia build`'s
/// output when it is current (`PublishedOutput`), which is what that plan will make.
protocol ServedSite: Sendable {
    var basePath: String { get }
    var fileCount: Int { get }
    func contains(_ path: String) -> Bool
    func data(at path: String) -> Data?
}

extension PreviewSite: ServedSite {}
extension PublishedOutput: ServedSite {}
