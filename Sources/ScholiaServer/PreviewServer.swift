import Foundation
import Hummingbird
import Logging
import ScholiaModel
import ScholiaCore
import ServiceLifecycle

/// `scholia serve`: plans the site in memory, serves it (each page rendered when first asked for and kept, the search
/// index in the background), rebuilds on save and tells open pages to reload. Nothing is written to disk, so the preview
/// leaves `Public/` (and everything else) as it was; it only reads it, while the first plan is made, when the last
/// build's output is current.
package struct PreviewServer: Sendable {
    let configuration: PreviewConfiguration

    package init(_ configuration: PreviewConfiguration) {
        self.configuration = configuration
    }

    /// Runs until SIGINT or SIGTERM (when `handleSignals`), until `stopper` is used, or until the task is cancelled.
    /// - Parameters:
    ///   - onBuild: after every build, the first included, good or failed; and first, when the last build's output is served meanwhile.
    ///   - onReady: once listening, with the URL of the site's home page.
    package func run(handleSignals: Bool = true, stopper: PreviewStopper? = nil,
                    onBuild: @escaping @Sendable (BuildOutcome) -> Void,
                    onReady: @escaping @Sendable (URL) -> Void) async throws {
        let port = try choosePort()
        let store = SnapshotStore(), broadcaster = ReloadBroadcaster(), background = BackgroundRenderer()
        let options = BuildOptions(siteDirectory: configuration.siteDirectory, includeDrafts: configuration.includeDrafts)
        let builder = PreviewBuilder(options: options, store: store, broadcaster: broadcaster, background: background)
        // Watch before the first build, so that a save during it is not missed.
        let watcher = ChangeWatchers.make(configuration.watch, tree: WatchedTree(root: configuration.siteDirectory))
        let feed = watcher.map { _ in ChangeFeed() }
        if let watcher, let feed { try watcher.start { feed.record($0) } }
        defer {
            watcher?.stop()
            broadcaster.finish()
            background.stop()
        }
        // The last build's output, when current, is served at once and the site planned after the server listens;
        // else the server listens once the site is planned.
        let published = PublishedOutput.current(options)
        if let published { onBuild(await builder.servePublished(published)) } else { onBuild(await builder.build()) }

        var logger = Logger(label: "scholia.serve")
        logger.logLevel = .warning
        let host = configuration.host
        let app = Application(
            responder: PreviewResponder<BasicRequestContext>(store: store, broadcaster: broadcaster),
            server: PreviewHTTPChannel.builder,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                onReady(Self.url(host: host, port: channel.localAddress?.port ?? port, basePath: store.current.basePath))
            },
            logger: logger)
        let rebuild = RebuildService(feed: feed, builder: builder, broadcaster: broadcaster,
                                     quiet: configuration.debounce, longest: .seconds(2), report: onBuild, buildsFirst: published != nil)
        // The rebuild service comes last so that it stops first, closing event streams before the server stops.
        var group = ServiceGroupConfiguration(services: [app, rebuild],
                                              gracefulShutdownSignals: handleSignals ? [.sigint, .sigterm] : [],
                                              logger: logger)
        group.maximumGracefulShutdownDuration = .seconds(5)
        let services = ServiceGroup(configuration: group)
        await stopper?.attach(services)
        try await services.run()
    }

    /// The configured port, or with `tryNextPorts` the first free one of the next twenty.
    func choosePort() throws -> Int {
        let first = configuration.port
        guard first != 0 else { return 0 }
        let candidates = configuration.tryNextPorts ? Array(first..<min(first + 20, 65536)) : [first]
        var reason = ""
        for port in candidates {
            guard let problem = PortProbe.problem(host: configuration.host, port: port) else { return port }
            reason = problem
            if problem != "in use" { break }
        }
        let tried = candidates.count > 1 ? "ports \(first)–\(candidates.last!)" : "port \(first)"
        let advice = reason == "in use" ? "another server (perhaps another `scholia serve`) is using it; stop it or choose another with --port" : reason
        throw PreviewError(description: "cannot listen on \(configuration.host) \(tried): \(advice)")
    }

    static func url(host: String, port: Int, basePath: String) -> URL {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return URL(string: "http://\(shownHost):\(port)\(basePath)")!
    }
}
