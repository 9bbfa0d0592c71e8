import Foundation

/// A site's `PageContexts` (every document's summary as lists show it), made once by whoever needs it first and
/// kept: `scholia serve`'s quick path hands them to the next plan when a save changed only documents' text.
final class SharedContexts: @unchecked Sendable {
    private var contexts: PageContexts?
    private let lock = NSLock()

    init(_ contexts: PageContexts? = nil) {
        self.contexts = contexts
    }

    func made(_ make: () -> PageContexts) -> PageContexts {
        lock.withLock {
            if let contexts { return contexts }
            let made = make()
            contexts = made
            return made
        }
    }
}
