import Hummingbird

/// Answers like a static host from the current snapshot: GET and HEAD, `index.html` for folders, a
/// redirect for a folder asked without its slash, the site's 404 page, ETags; plus the events endpoint.
struct PreviewResponder<Context: RequestContext>: HTTPResponder {
    let store: SnapshotStore
    let broadcaster: ReloadBroadcaster

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            var headers = HTTPFields()
            headers[.allow] = "GET, HEAD"
            return Response(status: .methodNotAllowed, headers: headers)
        }
        let response = answer(request, from: store.current)
        return request.method == .head ? response.createHeadResponse() : response
    }

    private func answer(_ request: Request, from snapshot: SiteSnapshot) -> Response {
        let rawPath = request.uri.path
        switch RequestPath.resolve(rawPath, basePath: snapshot.basePath) {
        case .refused:
            return notFound(snapshot)
        case .baseWithoutSlash:
            return redirect(to: snapshot.basePath, query: request.uri.query, status: .movedPermanently)
        case .outside:
            // The bare host root of a site that lives under a sub-path: take the editor to it.
            return rawPath == "/" ? redirect(to: snapshot.basePath, query: nil, status: .found) : notFound(snapshot)
        case .inside(let path):
            if path == PreviewInjection.eventsPath { return EventStream.response(broadcaster, headOnly: request.method == .head) }
            guard snapshot.hasContent else { return serve(snapshot.errorPage, request, status: .internalServerError) }
            if path.isEmpty || path.hasSuffix("/") {
                return snapshot.files[path + "index.html"].map { serve($0, request) } ?? notFound(snapshot)
            }
            if let file = snapshot.files[path] { return serve(file, request) }
            if snapshot.files.contains(path + "/index.html") {
                return redirect(to: rawPath + "/", query: request.uri.query, status: .movedPermanently)
            }
            return notFound(snapshot)
        }
    }

    private func serve(_ file: ServedFile, _ request: Request, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = file.contentType
        headers[.eTag] = file.etag
        // Always revalidate: a preview must show the latest save, and the ETag makes that cheap.
        headers[.cacheControl] = "no-cache"
        if status == .ok, ETag.matches(request.headers[.ifNoneMatch], file.etag) {
            headers[.contentLength] = String(file.length)
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: file.body))
    }

    private func notFound(_ snapshot: SiteSnapshot) -> Response {
        let page = snapshot.hasContent ? snapshot.notFoundPage : snapshot.errorPage
        var headers = HTTPFields()
        headers[.cacheControl] = "no-cache"
        guard let page else {
            headers[.contentType] = "text/plain; charset=utf-8"
            return Response(status: .notFound, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: "Not found\n")))
        }
        headers[.contentType] = page.contentType
        return Response(status: .notFound, headers: headers, body: ResponseBody(byteBuffer: page.body))
    }

    private func redirect(to location: String, query: String?, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.location] = query.map { location + "?" + $0 } ?? location
        headers[.cacheControl] = "no-cache"
        return Response(status: status, headers: headers)
    }
}
