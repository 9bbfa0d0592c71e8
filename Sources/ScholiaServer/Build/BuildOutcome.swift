import Foundation
import ScholiaModel
import ScholiaCore

/// What a preview build reports to whoever prints progress (the command line, a test).
package enum BuildOutcome: Sendable {
    /// The last `scholia build`'s output is current: the preview serves it while the site is planned (`PublishedOutput`).
    case servingLastBuild(files: Int)
    /// The site built; the preview now serves it.
    case built(generation: Int, files: Int, seconds: Double, warnings: [Diagnostic])
    /// The site did not build; the preview shows these errors above the last good build, if any.
    case failed(generation: Int, errors: [Diagnostic], servingLastGood: Bool)
}
