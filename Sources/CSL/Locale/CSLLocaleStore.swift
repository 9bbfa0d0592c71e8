import Foundation

/// Loads `locales-xx-YY.xml` files from a folder on demand and caches them.
/// Safe to share between threads.
public final class CSLLocaleStore: @unchecked Sendable {
    public let folder: URL
    private let lock = NSLock()
    private var cache: [String: LocaleData?] = [:]
    private var primaryDialects: [String: String]?

    public init(folder: URL) {
        self.folder = folder
    }

    /// The primary dialect for a bare language ("de" → "de-DE"), from `locales.json` when present.
    func primaryDialect(of language: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if primaryDialects == nil {
            let url = folder.appendingPathComponent("locales.json")
            var map: [String: String] = [:]
            if let data = try? Data(contentsOf: url),
               let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
               let dialects = json["primary-dialects"] as? [String: String] {
                map = dialects
            }
            primaryDialects = map
        }
        return primaryDialects?[language]
    }

    /// The parsed locale file for exactly `language`, or nil if there is none.
    func locale(_ language: String) throws -> LocaleData? {
        lock.lock()
        if let cached = cache[language] { lock.unlock(); return cached }
        lock.unlock()
        let url = folder.appendingPathComponent("locales-\(language).xml")
        var loaded: LocaleData?
        if let data = try? Data(contentsOf: url) {
            let root = try XMLNode.parse(data, file: url.path)
            loaded = try LocaleParser(file: url.path).parse(root)
        }
        lock.lock()
        cache[language] = loaded
        lock.unlock()
        return loaded
    }
}
