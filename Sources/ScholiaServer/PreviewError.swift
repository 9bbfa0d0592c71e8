/// A preview that cannot start; the message says what to do.
package struct PreviewError: Error, CustomStringConvertible, Sendable {
    package let description: String
}
