import ServiceLifecycle

/// Stops a running preview the way Ctrl-C does (a graceful shutdown), for callers that own no terminal,
/// such as tests. A stop asked for before the server is up takes effect as soon as it is.
package final class PreviewStopper: Sendable {
    private struct State {
        var group: ServiceGroup?
        var requested = false
    }

    private let state = Locked(State())

    package init() {}

    func stop() async {
        let group = state.withLock { state -> ServiceGroup? in
            state.requested = true
            return state.group
        }
        await group?.triggerGracefulShutdown()
    }

    func attach(_ group: ServiceGroup) async {
        let requested = state.withLock { state -> Bool in
            state.group = group
            return state.requested
        }
        if requested { await group.triggerGracefulShutdown() }
    }
}
