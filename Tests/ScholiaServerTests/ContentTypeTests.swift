import Testing
@testable import ScholiaServer

@Suite struct ContentTypeTests {
    /// Issue 11, item 8: the Web Annotation export is JSON-LD with the annotation profile, not octet-stream.
    @Test func annotationsAreServedAsJSONLD() {
        #expect(ContentType.of("documents/press/annotations.jsonld") == "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"")
    }
}
