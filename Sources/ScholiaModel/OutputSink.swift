import Foundation

/// Where the render stage hands each job's files as it makes them: the publisher's staging folder on disk
/// (`scholia build`), or memory (`scholia serve`, `scholia check`, and a build that updates a few files in place).
package protocol OutputSink: Sendable {
    func receive(_ files: [OutputFile], of job: String)
}

/// Keeps rendered files in memory, by job.
package final class MemorySink: OutputSink, @unchecked Sendable {
    private var byJob: [String: [OutputFile]] = [:]
    private let lock = NSLock()

    package init() {}

    package func receive(_ files: [OutputFile], of job: String) { lock.withLock { byJob[job] = files } }

    /// The files a job made, or nil when it was not rendered.
    package func files(of job: String) -> [OutputFile]? { lock.withLock { byJob[job] } }
}
