import Foundation
import Hummingbird

/// One file as the preview serves it: the bytes (with the preview script for HTML), its type and its ETag.
struct ServedFile: Sendable {
    let body: ByteBuffer
    let contentType: String
    let etag: String

    init(bytes: [UInt8], contentType: String) {
        self.body = ByteBuffer(bytes: bytes)
        self.contentType = contentType
        self.etag = ETag.of(bytes)
    }

    var length: Int { body.readableBytes }
}
