import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import ScholiaServer

extension LivePreview {
    /// When the server closes a connection: HTTP/1.0 closes after each response unless the client asks for
    /// keep-alive; HTTP/1.1 stays open unless it asks to close.
    @Suite struct Connections {
        /// Sends `requests` one after another on one connection, then reads until the server closes it or
        /// `wait` passes. Returns every byte received and whether the server closed the connection.
        static func exchange(port: Int, _ requests: [String], wait: Int = 5) async throws -> (text: String, closed: Bool) {
            try await HTTPProbe.onThread {
                let socket = try HTTPProbe.connect(port: port)
                defer { close(socket) }
                var timeout = timeval(tv_sec: wait, tv_usec: 0)
                setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                var received = Data()
                var buffer = [UInt8](repeating: 0, count: 64 * 1024)
                for (index, request) in requests.enumerated() {
                    try HTTPProbe.send(socket, request)
                    // Read this reply's head before sending the next request, so replies are counted in order.
                    while String(decoding: received, as: UTF8.self).components(separatedBy: "HTTP/1.1 200").count <= index + 1 {
                        let count = read(socket, &buffer, buffer.count)
                        guard count > 0 else { return (String(decoding: received, as: UTF8.self), count == 0) }
                        received.append(contentsOf: buffer[0..<count])
                    }
                }
                while true {
                    let count = read(socket, &buffer, buffer.count)
                    guard count > 0 else { return (String(decoding: received, as: UTF8.self), count == 0) }
                    received.append(contentsOf: buffer[0..<count])
                }
            }
        }

        @Test func anHTTP10RequestIsAnsweredAndClosed() async throws {
            try await RunningPreview.with(FixtureSite()) { _, preview in
                let reply = try await Self.exchange(port: preview.port, ["GET /documents/first/ HTTP/1.0\r\n\r\n"])
                #expect(reply.closed, "the server kept an HTTP/1.0 connection open")
                #expect(reply.text.hasPrefix("HTTP/1.1 200"))
                #expect(reply.text.contains("Text of the first letter."))

                let head = try await Self.exchange(port: preview.port, ["HEAD / HTTP/1.0\r\nConnection: close\r\n\r\n"])
                #expect(head.closed)
            }
        }

        @Test func keepAliveIsKeptWhenAskedForOrByDefault() async throws {
            try await RunningPreview.with(FixtureSite()) { _, preview in
                // Two replies on one connection, which then stays open until the client goes (the read times out).
                let http10 = try await Self.exchange(port: preview.port, [
                    "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
                    "GET /documents/ HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n",
                ], wait: 1)
                #expect(http10.text.components(separatedBy: "HTTP/1.1 200").count == 3)
                #expect(!http10.closed)

                let http11 = try await Self.exchange(port: preview.port, [
                    "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                    "GET /documents/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                ], wait: 1)
                #expect(http11.text.components(separatedBy: "HTTP/1.1 200").count == 3)
                #expect(!http11.closed)

                // The last HTTP/1.0 request without keep-alive ends the connection after its reply.
                let mixed = try await Self.exchange(port: preview.port, [
                    "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
                    "GET /documents/ HTTP/1.0\r\n\r\n",
                ])
                #expect(mixed.text.components(separatedBy: "HTTP/1.1 200").count == 3)
                #expect(mixed.closed)
            }
        }
    }
}
