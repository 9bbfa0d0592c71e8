/// A preview that cannot start; the message says what to do.
public struct PreviewError: Error, CustomStringConvertible, Sendable {
    public let description: String
}
