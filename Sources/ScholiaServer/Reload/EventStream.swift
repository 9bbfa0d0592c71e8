import Hummingbird

/// The server-sent events endpoint: `event: build` with the generation number, once on connecting and
/// after every build.
enum EventStream {
    /// A HEAD request gets the headers only, and does not subscribe (nothing would ever read the stream).
    static func response(_ broadcaster: ReloadBroadcaster, headOnly: Bool) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = ContentType.eventStream
        headers[.cacheControl] = "no-store"
        guard !headOnly else { return Response(status: .ok, headers: headers) }
        let generations = broadcaster.subscribe()
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            // A browser reconnects after this many milliseconds if the server restarts.
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            for await generation in generations {
                try await writer.write(ByteBuffer(string: "event: build\ndata: \(generation)\n\n"))
            }
            try await writer.finish(nil)
        })
    }
}
