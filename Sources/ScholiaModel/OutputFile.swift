import Foundation

/// One file of output: where it goes (relative to the output folder) and its bytes.
package struct OutputFile: Sendable {
    package var path: String
    package var data: Data

    package init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}
