import Foundation
import ScholiaModel
import ScholiaLoad
import ScholiaResolve
import ScholiaRender
import ScholiaPublish

/// `scholia theme copy`: puts built-in theme files into the site's `Templates/`, where they override the
/// built-in ones and can be edited. Never overwrites a file unless asked to.
package enum ThemeCopy {
    package enum Failure: Error, CustomStringConvertible {
        case unknown([(name: String, suggestion: String?)])
        case exists([String])
        case io(String)

        package var description: String {
            switch self {
            case .unknown(let names):
                let lines = names.map { name, suggestion in
                    "the built-in theme has no file '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                }
                return lines.joined(separator: "\n") + "\nThe built-in theme's files: " + Theme.builtInPaths.joined(separator: ", ")
            case .exists(let paths):
                return "these files exist and were left as they are (nothing was copied; --force replaces them):\n"
                    + paths.map { "  " + $0 }.joined(separator: "\n")
            case .io(let message): return message
            }
        }
    }

    /// The built-in files a name stands for: a path (`assets/scholia.css`), a template without its
    /// extension (`document`), an asset by its file name (`scholia.css`) or a folder (`assets`).
    static func files(named name: String) -> [String] {
        let paths = Theme.builtInPaths
        let trimmed = name.hasPrefix("Templates/") ? String(name.dropFirst("Templates/".count)) : name
        for candidate in [trimmed, trimmed + ".mustache", "assets/" + trimmed] where paths.contains(candidate) { return [candidate] }
        let folder = trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
        return paths.filter { $0.hasPrefix(folder) }
    }

    /// Copies the named files (all of them when `names` is empty) and returns their paths relative to the site.
    package static func copy(_ names: [String], into site: URL, force: Bool) throws -> [String] {
        var chosen: [String] = []
        var unknown: [(name: String, suggestion: String?)] = []
        for name in names {
            let found = files(named: name)
            if found.isEmpty {
                let candidates = Theme.builtInPaths + Theme.builtInPaths.map { ($0 as NSString).deletingPathExtension }
                unknown.append((name, Suggestion.closest(to: name, in: candidates)))
            }
            chosen += found.filter { !chosen.contains($0) }
        }
        if !unknown.isEmpty { throw Failure.unknown(unknown) }
        if names.isEmpty { chosen = Theme.builtInPaths }
        let targets = chosen.map { "Templates/" + $0 }
        let existing = targets.filter { FileManager.default.fileExists(atPath: site.appendingPathComponent($0).path) }
        if !force && !existing.isEmpty { throw Failure.exists(existing) }
        do {
            for (path, target) in zip(chosen, targets) {
                let url = site.appendingPathComponent(target)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(Theme.builtIn(path)!.utf8).write(to: url)
            }
        } catch {
            throw Failure.io("cannot write the theme into \(site.path)/Templates: \(error.localizedDescription)")
        }
        return targets
    }

    /// Each built-in file, and whether the site overrides it.
    package static func list(site: URL) -> [(path: String, overridden: Bool)] {
        Theme.builtInPaths.map { ($0, FileManager.default.fileExists(atPath: site.appendingPathComponent("Templates/" + $0).path)) }
    }
}
