import Foundation

/// Checks that a port can be bound before the server tries, so that a taken port gets a plain message
/// (or the next free one) instead of a socket error from deep inside the server.
enum PortProbe {
    /// nil when the port is free; otherwise the reason it cannot be bound.
    static func problem(host: String, port: Int) -> String? {
        var hints = addrinfo()
        #if os(Linux)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let address = found else {
            return "cannot resolve the host \(host)"
        }
        defer { freeaddrinfo(found) }
        let socketDescriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
        guard socketDescriptor >= 0 else { return nil }
        defer { close(socketDescriptor) }
        // The server sets this too; without it a port in TIME_WAIT would look taken.
        var yes: Int32 = 1
        setsockopt(socketDescriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard bind(socketDescriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) != 0 else { return nil }
        return errno == EADDRINUSE ? "in use" : String(cString: strerror(errno))
    }
}
