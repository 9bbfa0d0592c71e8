import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Hummingbird's HTTP/1 channel, but an HTTP/1.0 request that does not ask for keep-alive is answered and the
/// connection closed, as RFC 9112 §9.3 says. Hummingbird closes only on `Connection: close`: the HTTP version
/// is lost when NIO's request head becomes a version-less `HTTPRequest`, so an HTTP/1.0 client (ab, old
/// proxies, `curl -0`) would wait forever for the end of a response it had already received.
struct PreviewHTTPChannel: ServerChildChannel {
    let inner: HTTP1Channel

    init(responder: @escaping HTTPChannelHandler.Responder) {
        inner = HTTP1Channel(responder: responder)
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1Channel.Value> {
        inner.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let decoder = try channel.pipeline.syncOperations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try channel.pipeline.syncOperations.addHandler(HTTP10CloseMarker(), position: .after(decoder))
            return value
        }
    }

    func handle(value: HTTP1Channel.Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }

    static var builder: HTTPServerBuilder {
        HTTPServerBuilder { responder in PreviewHTTPChannel(responder: responder) }
    }
}

/// Marks an HTTP/1.0 request without `Connection: keep-alive` as `Connection: close` while its version is known.
final class HTTP10CloseMarker: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data), head.version.major == 1, head.version.minor == 0, !head.isKeepAlive else {
            context.fireChannelRead(data)
            return
        }
        head.headers.replaceOrAdd(name: "connection", value: "close")
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }
}
