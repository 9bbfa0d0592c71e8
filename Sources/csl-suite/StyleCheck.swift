import CSL
import Foundation

/// Parses every style in a folder (and its `dependent/` subfolder) and reports failures.
enum StyleCheck {
    static func run(folder: URL) -> Int32 {
        var urls: [URL] = []
        for sub in [folder, folder.appendingPathComponent("dependent")] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: sub.path)) ?? []
            urls += names.filter { $0.hasSuffix(".csl") }.sorted().map { sub.appendingPathComponent($0) }
        }
        var failures = 0
        for url in urls {
            do { _ = try CSLStyle(contentsOf: url) } catch {
                failures += 1
                print(error)
            }
        }
        print("\(urls.count - failures) styles parsed, \(failures) failed")
        return failures == 0 ? 0 : 1
    }
}
