import ScholiaModel
import ScholiaCore

/// What the preview adds to each HTML page: the error list right after `<body>` (plain markup, so it shows
/// with scripts off) and the reload script before `</body>`. Only the preview does this; builds never do.
struct PreviewInjection: Sendable {
    /// Relative to the base path, so that a site under `/hist210/` gets its events under `/hist210/` too.
    static let eventsPath = "_scholia/events"

    let basePath: String
    let generation: Int
    let errors: [Diagnostic]

    func apply(to page: [UInt8]) -> [UInt8] {
        var bytes = page
        let script = Array(Self.script(basePath: basePath, generation: generation).utf8)
        bytes.insert(contentsOf: script, at: Self.closingBody(in: bytes) ?? bytes.endIndex)
        if !errors.isEmpty {
            bytes.insert(contentsOf: Array(ErrorList.html(errors).utf8), at: Self.afterOpeningBody(in: bytes) ?? 0)
        }
        return bytes
    }

    /// Listens on the events endpoint and reloads when the server has a build newer than this page.
    static func script(basePath: String, generation: Int) -> String {
        let url = JSONValue.string(basePath + eventsPath).serialized()
        return """
        <script>/* scholia serve: reloads the page after each rebuild */(function(){if(!window.EventSource)return;\
        var s=new EventSource(\(url));s.addEventListener("build",function(e){if(e.data!=="\(generation)"){s.close();location.reload();}});\
        window.addEventListener("pagehide",function(){s.close();});})();</script>

        """
    }

    static func closingBody(in bytes: [UInt8]) -> Int? {
        lastIndex(of: Array("</body".utf8), in: bytes)
    }

    static func afterOpeningBody(in bytes: [UInt8]) -> Int? {
        guard let start = firstIndex(of: Array("<body".utf8), in: bytes),
              let end = bytes[start...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        return end + 1
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).first { matches(needle, in: bytes, at: $0) }
    }

    private static func lastIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).reversed().first { matches(needle, in: bytes, at: $0) }
    }

    private static func matches(_ needle: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        for offset in needle.indices where bytes[index + offset] | 0x20 != needle[offset] | 0x20 { return false }
        return true
    }
}
