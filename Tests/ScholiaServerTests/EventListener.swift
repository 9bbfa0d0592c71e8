import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import ScholiaServer

/// Listens on the server-sent events endpoint as a page would, recording each `build` event and when it came.
final class EventListener: Sendable {
    private let socket: Int32
    private let received = Locked<[(generation: Int, at: ContinuousClock.Instant)]>([])

    init(port: Int, path: String) throws {
        socket = try HTTPProbe.connect(port: port)
        try HTTPProbe.send(socket, HTTPProbe.request("GET", path, headers: ["Accept": "text/event-stream"]))
        Thread { [self] in readLoop() }.start()
    }

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        var text = ""
        while true {
            let count = read(socket, &buffer, buffer.count)
            guard count > 0 else { break }
            text += String(decoding: buffer[0..<count], as: UTF8.self)
            // Each event is written whole; chunk-size lines of the chunked encoding sit between them.
            while let range = text.range(of: "event: build\ndata: "), let end = text[range.upperBound...].firstIndex(of: "\n") {
                if let generation = Int(text[range.upperBound..<end]) {
                    received.withLock { $0.append((generation, .now)) }
                }
                text = String(text[end...])
            }
        }
        Glibc.close(socket)
    }

    var generations: [Int] { received.withLock { $0.map(\.generation) } }

    /// Waits for an event whose generation satisfies the test; returns when it came.
    func waitFor(timeout: Duration = .seconds(20), _ accept: (Int) -> Bool) async -> ContinuousClock.Instant? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let hit = received.withLock({ $0.first { accept($0.generation) } }) { return hit.at }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    func close() { shutdown(socket, Int32(SHUT_RDWR)) }
}
