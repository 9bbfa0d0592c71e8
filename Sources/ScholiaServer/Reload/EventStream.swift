import Hummingbird

/// The server-sent events endpoint: `event: build` with the generation number, once on connecting and
/// after every build.
enum EventStream {
    static func response(_ broadcaster: ReloadBroadcaster) -> Response {
        let generations = broadcaster.subscribe()
        var headers = HTTPFields()
        headers[.contentType] = ContentType.eventStream
        headers[.cacheControl] = "no-store"
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
