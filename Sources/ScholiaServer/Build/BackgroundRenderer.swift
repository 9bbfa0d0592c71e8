import Foundation
import ScholiaCore

/// Renders, on every core while requests are answered, what the served build will soon be asked for: the pages a save
/// changed and the search index (`PlannedSite.renderInBackground`). Any other page is rendered by its first request
/// (`PlannedSite`), so the preview answers long before a large site's index is made, and holds only the pages opened.
///
/// One render at a time, for the build being served: starting a render, or `stop`, makes the one before give up
/// after the jobs in hand, so that a superseded plan neither takes the cores from the next one nor runs on.
final class BackgroundRenderer: Sendable {
    private struct State {
        /// The ticket of the render allowed to go on; a render holding another one stops.
        var current = 0
        var held: Bool
        /// While held, the render that will start on `release`.
        var waiting: PlannedSite?
    }

    private let state: Locked<State>
    /// Serial, so that a render starts only once the one before has given up. Below the requests' priority.
    private let queue = DispatchQueue(label: "scholia.preview.background", qos: .utility)

    /// With `held`, renders wait for `release()`: tests use this to see requests answered while nothing else is rendered.
    init(held: Bool = false) {
        state = Locked(State(held: held))
    }

    func start(_ pages: PlannedSite) {
        let ticket: Int? = state.withLock { state in
            state.current += 1
            state.waiting = state.held ? pages : nil
            return state.held ? nil : state.current
        }
        guard let ticket else { return }
        queue.async { [state] in
            pages.renderInBackground { state.withLock { $0.current == ticket } }
        }
    }

    func stop() {
        state.withLock { state in
            state.current += 1
            state.waiting = nil
        }
    }

    func release() {
        let waiting: PlannedSite? = state.withLock { state in
            state.held = false
            defer { state.waiting = nil }
            return state.waiting
        }
        if let waiting { start(waiting) }
    }
}
