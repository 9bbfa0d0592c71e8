/// Memoized per-document work (names repeat a lot across a bibliography).
/// Owned by one `Document` and used from one thread only.
final class RenderCache {
    var initials: [InitialsKey: String] = [:]
    var sortTexts: [String: String] = [:]
}

struct InitialsKey: Hashable {
    var given: String
    var with: String
    var hyphen: Bool
    var full: Bool
}
