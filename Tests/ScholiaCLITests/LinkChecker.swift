import Foundation

/// Finds `href` and `src` values that point inside the site but to no file of the output.
enum LinkChecker {
    /// The broken links, and how many internal links were checked.
    static func brokenLinks(in output: URL, basePath: String) -> (broken: [String], checked: Int) {
        var broken: [String] = []
        var checked = 0
        let pattern = try! NSRegularExpression(pattern: ##"(?:href|src)="([^"#]*)"##)
        let enumerator = FileManager.default.enumerator(atPath: output.path)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".html"), let html = try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) else { continue }
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let link = String(html[Range(match.range(at: 1), in: html)!])
                guard link.hasPrefix("/") else { continue }
                checked += 1
                guard link.hasPrefix(basePath) else {
                    broken.append("\(path): \(link) is outside \(basePath)")
                    continue
                }
                var target = String(link.dropFirst(basePath.count))
                if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
                if !FileManager.default.fileExists(atPath: output.appendingPathComponent(target).path) {
                    broken.append("\(path): \(link)")
                }
            }
        }
        return (broken, checked)
    }
}
