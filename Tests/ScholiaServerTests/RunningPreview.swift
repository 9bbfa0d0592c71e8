import Foundation
@testable import ScholiaServer

/// A preview server started on a free port for one test.
final class RunningPreview: Sendable {
    let port: Int
    let url: URL
    private let task: Task<Void, any Error>
    private let stopper: PreviewStopper
    private let outcomes: Locked<[BuildOutcome]>

    struct NotReady: Error {}

    static func start(_ site: FixtureSite, watch: WatchMode = .automatic) async throws -> RunningPreview {
        let outcomes = Locked<[BuildOutcome]>([])
        let (ready, readyContinuation) = AsyncStream.makeStream(of: URL.self)
        let server = PreviewServer(PreviewConfiguration(siteDirectory: site.root, port: 0, watch: watch))
        let stopper = PreviewStopper()
        let task = Task {
            defer { readyContinuation.finish() }
            try await server.run(handleSignals: false, stopper: stopper, onBuild: { outcome in outcomes.withLock { $0.append(outcome) } },
                                 onReady: { readyContinuation.yield($0) })
        }
        // `run` ends the stream if it fails before listening; then the error comes from the task.
        for await url in ready { return RunningPreview(port: url.port!, url: url, task: task, stopper: stopper, outcomes: outcomes) }
        try await task.value
        throw NotReady()
    }

    /// Starts a preview of the site, runs the test, then stops the server and removes the site, in that
    /// order, whether the test passed or not.
    static func with(_ site: FixtureSite, watch: WatchMode = .automatic,
                     _ body: (FixtureSite, RunningPreview) async throws -> Void) async throws {
        defer { site.remove() }
        let preview = try await start(site, watch: watch)
        do {
            try await body(site, preview)
        } catch {
            await preview.stop()
            throw error
        }
        await preview.stop()
    }

    private init(port: Int, url: URL, task: Task<Void, any Error>, stopper: PreviewStopper, outcomes: Locked<[BuildOutcome]>) {
        self.stopper = stopper
        self.port = port
        self.url = url
        self.task = task
        self.outcomes = outcomes
    }

    var builds: [BuildOutcome] { outcomes.withLock { $0 } }

    func get(_ path: String, method: String = "GET", headers: [String: String] = [:]) async throws -> HTTPProbe.Reply {
        try await HTTPProbe.get(path, port: port, method: method, headers: headers)
    }

    /// Polls until the page satisfies the test, or the deadline passes (builds run on a loaded machine).
    func waitFor(_ path: String, timeout: Duration = .seconds(20), _ accept: (HTTPProbe.Reply) -> Bool) async throws -> HTTPProbe.Reply? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let reply = try await get(path)
            if accept(reply) { return reply }
            try await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    func listen(_ path: String = "/_scholia/events") throws -> EventListener {
        try EventListener(port: port, path: path)
    }

    /// Stops as Ctrl-C would, and waits until the server has stopped.
    func stop() async {
        await stopper.stop()
        _ = try? await task.value
    }
}
