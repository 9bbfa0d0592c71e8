import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain HTTP/1.1 client over a socket, so that tests can send paths exactly as written (`/../`,
/// `%2e%2e`) without a client library normalising them. Blocking calls run on threads of their own.
enum HTTPProbe {
    struct Reply: Sendable {
        let status: Int
        let headers: [String: String]
        let body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    struct Failure: Error, CustomStringConvertible { let description: String }

    static func get(_ path: String, port: Int, method: String = "GET", headers: [String: String] = [:]) async throws -> Reply {
        try await onThread {
            let socket = try connect(port: port)
            defer { close(socket) }
            try send(socket, request(method, path, headers: headers.merging(["Connection": "close"]) { a, _ in a }))
            return try readReply(socket, expectBody: method != "HEAD")
        }
    }

    static func request(_ method: String, _ path: String, headers: [String: String]) -> String {
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        return text + "\r\n"
    }

    static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        var timeout = timeval(tv_sec: 15, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw Failure(description: "cannot connect to port \(port)")
        }
        return fd
    }

    static func send(_ fd: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure(description: "send failed") }
            sent += count
        }
    }

    /// Reads the head, then Content-Length bytes of body (or to the end when there is none).
    static func readReply(_ fd: Int32, expectBody: Bool) throws -> Reply {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var head: (status: Int, headers: [String: String], bodyStart: Int)?
        while true {
            if head == nil, let end = data.range(of: Data("\r\n\r\n".utf8)) {
                head = parseHead(String(decoding: data[..<end.lowerBound], as: UTF8.self), bodyStart: end.upperBound)
            }
            if let head {
                let length = expectBody && head.status != 304 ? Int(head.headers["content-length"] ?? "") : 0
                if let length, data.count - head.bodyStart >= length {
                    return Reply(status: head.status, headers: head.headers, body: data.subdata(in: head.bodyStart..<(head.bodyStart + length)))
                }
            }
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 {
                guard let head else { throw Failure(description: "connection closed before a reply") }
                return Reply(status: head.status, headers: head.headers, body: data.subdata(in: head.bodyStart..<data.count))
            }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    static func parseHead(_ text: String, bodyStart: Int) -> (Int, [String: String], Int) {
        let lines = text.components(separatedBy: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, headers, bodyStart)
    }
}
