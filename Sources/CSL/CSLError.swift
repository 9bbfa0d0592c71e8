import Foundation

/// Every failure the processor reports: where it happened and what was wrong.
public struct CSLError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The file (or a description such as "<style data>") the problem was found in.
    public var file: String
    /// 1-based line, when the XML parser could tell.
    public var line: Int?
    /// The element, JSON field or other part of the input that is wrong.
    public var element: String?
    public var message: String

    public init(file: String, line: Int? = nil, element: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.element = element
        self.message = message
    }

    public var description: String {
        var head = file
        if let line { head += ":\(line)" }
        if let element { head += ": <\(element)>" }
        return "\(head): \(message)"
    }
}
