import CStemmer

/// A Snowball stemmer for one language (the system libstemmer). Not thread-safe: one per thread.
/// A language Snowball does not know gives a stemmer that returns words as they are.
public final class Stemmer {
    private let stemmer: OpaquePointer?
    /// The Snowball algorithm in use ("english"), or nil when words are kept as they are.
    public let algorithm: String?

    /// `language` is a site language such as `en-US` or `fr`; its first part picks the algorithm.
    public init(language: String) {
        let code = language.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        let name = Self.algorithms[code] ?? code
        if !name.isEmpty, let made = sb_stemmer_new(name, "UTF_8") {
            stemmer = made
            algorithm = name
        } else {
            stemmer = nil
            algorithm = nil
        }
    }

    deinit { if let stemmer { sb_stemmer_delete(stemmer) } }

    public func stem(_ word: String) -> String {
        guard let stemmer else { return word }
        var word = word
        return word.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress, let result = sb_stemmer_stem(stemmer, base, Int32(bytes.count)) else { return String(decoding: bytes, as: UTF8.self) }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
    }

    /// ISO 639-1 codes of the languages Snowball stems.
    static let algorithms: [String: String] = [
        "ar": "arabic", "ca": "catalan", "da": "danish", "de": "german", "el": "greek", "en": "english", "es": "spanish",
        "eu": "basque", "fi": "finnish", "fr": "french", "ga": "irish", "hi": "hindi", "hu": "hungarian", "hy": "armenian",
        "id": "indonesian", "it": "italian", "lt": "lithuanian", "ne": "nepali", "nl": "dutch", "no": "norwegian",
        "nb": "norwegian", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian", "sv": "swedish",
        "ta": "tamil", "tr": "turkish", "yi": "yiddish",
    ]
}
