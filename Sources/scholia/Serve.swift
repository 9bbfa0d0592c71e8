import ArgumentParser
import Dispatch
import Foundation
import ScholiaCore
import ScholiaModel
import ScholiaServer

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site on a local server that rebuilds on save and reloads the browser.",
        discussion: "The preview is built in memory: Public/ is left as it is. Stop it with Ctrl-C.")

    @OptionGroup var site: SiteOption
    @Option(help: "The address to listen on; loopback unless you mean to share the preview.") var host = "127.0.0.1"
    @Option(help: "The port (default 8000, or the next free one when 8000 is taken).") var port: Int?
    @Flag(name: .customLong("no-watch"), help: "Build once; do not watch for changes.") var noWatch = false
    @Flag(help: "Include documents marked draft: true.") var drafts = false

    func validate() throws {
        if let port, !(1...65535).contains(port) { throw ValidationError("--port must be between 1 and 65535") }
    }

    func run() throws {
        // A port asked for by name is kept or refused; the default may move to the next free one.
        let configuration = PreviewConfiguration(siteDirectory: site.url, host: host, port: port ?? 8000, tryNextPorts: port == nil,
                                                 watch: noWatch ? .off : .automatic, includeDrafts: drafts)
        let server = PreviewServer(configuration)
        let outcome = Blocking.wait {
            try await server.run(onBuild: Self.report) { url in
                if url.port != configuration.port { say("Port \(configuration.port) is in use; using \(url.port ?? 0).") }
                say("Serving \(configuration.siteDirectory.path) at \(url.absoluteString)  (Ctrl-C to stop)")
            }
        }
        switch outcome {
        case .success:
            say("Stopped.")
        case .failure(let error as PreviewError):
            throw CommandFailure(message: error.description)
        case .failure(let error):
            throw CommandFailure(message: "the preview server stopped: \(error)")
        }
    }

    @Sendable static func report(_ outcome: BuildOutcome) {
        switch outcome {
        case .servingLastBuild(let files):
            say("Serving the last build's \(files) files, which are current, while the site is planned")
        case .built(let generation, let files, let seconds, let warnings):
            Terminal.printDiagnostics(warnings)
            let verb = generation == 1 ? "Built" : "Rebuilt"
            say("\(verb) \(files) files in \(String(format: "%.2f", seconds)) s")
        case .failed(_, let errors, let servingLastGood):
            Terminal.printDiagnostics(errors)
            let count = errors.filter { $0.severity == .error }.count
            Terminal.error("\(count) error(s); " + (servingLastGood ? "serving the last good build with the errors on every page"
                                                                    : "serving an error page until the site builds"))
        }
    }
}

/// Standard output unbuffered, so that the URL and each rebuild show at once even through a pipe.
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Runs async work from the synchronous command and waits for it; the work runs on Swift's own threads.
enum Blocking {
    static func wait(_ work: @escaping @Sendable () async throws -> Void) -> Result<Void, any Error> {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox()
        Task {
            do { try await work(); box.result = .success(()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return box.result
    }

    /// Written once by the task before it signals, read once after the wait.
    private final class ResultBox: @unchecked Sendable {
        var result: Result<Void, any Error> = .success(())
    }
}
