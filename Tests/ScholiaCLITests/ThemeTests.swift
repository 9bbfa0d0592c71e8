import Foundation
import Testing

/// The built-in theme and the site's overrides of it, file by file; `scholia theme copy`.
@Suite struct ThemeTests {
    static let speech = document("A Speech", extra: "type: speech\nspeakers: [abraham-lincoln]\n", body: "THE PRESIDENT: Four score.")

    static func repositoryTheme(_ path: String) throws -> Data {
        try Data(contentsOf: CLI.repository.appendingPathComponent("Templates/" + path))
    }

    @Test func aSiteWithoutTemplatesBuildsWithTheBuiltInTheme() throws {
        let site = try FixtureSite(["Content/documents/speech.md": Self.speech], theme: false)
        defer { site.remove() }
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let page = try site.read("Public/documents/speech/index.html")
        #expect(page.contains(#"<article class="document""#))
        for asset in ["assets/scholia.css", "assets/scholia.js", "assets/favicon.svg"] {
            let built = try Data(contentsOf: site.root.appendingPathComponent("Public/" + asset))
            #expect(built == (try Self.repositoryTheme(asset)), "\(asset)")
        }
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Templates").path), "a build writes no theme into the site")
    }

    @Test func filesInTemplatesOverrideTheBuiltInOnesOneByOne() throws {
        let site = try FixtureSite([
            "Content/documents/speech.md": Self.speech,
            "Templates/list.mustache": "{{<base}}{{$content}}<h1>OVERRIDDEN {{heading}}</h1>{{/content}}{{/base}}\n",
            "Templates/assets/scholia.css": "body { color: red; }\n",
            "Templates/assets/extra.txt": "mine\n",
        ], theme: false)
        defer { site.remove() }
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try site.read("Public/types/speech/index.html").contains("<h1>OVERRIDDEN Speeches</h1>"), "the site's list template")
        #expect(try site.read("Public/types/speech/index.html").contains(#"<header class="site-header">"#), "inside the built-in base")
        #expect(try site.read("Public/documents/speech/index.html").contains(#"<article class="document""#), "the built-in document template")
        #expect(try site.read("Public/assets/scholia.css") == "body { color: red; }\n")
        #expect(try site.read("Public/assets/extra.txt") == "mine\n")
        #expect(try Data(contentsOf: site.root.appendingPathComponent("Public/assets/scholia.js")) == (try Self.repositoryTheme("assets/scholia.js")))
    }

    /// An override that appears or goes changes the pages, even when nothing else did; the result is a clean build's.
    @Test func overridesThatAppearOrGoRebuildThePages() throws {
        let site = try FixtureSite(["Content/documents/speech.md": Self.speech], theme: false)
        defer { site.remove() }
        func build() throws -> String { try CLI.run(["build", "--site", site.root.path]).stdout }
        func cleanBuild() throws -> [String: Data] {
            let output = site.root.appendingPathComponent("clean-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: output) }
            #expect(try site.build(["--output", output.path]).status == 0)
            return FixtureSite.snapshot(output).filter { $0.key != ".scholia-manifest" }
        }
        func built() -> [String: Data] { FixtureSite.snapshot(site.root.appendingPathComponent("Public")).filter { $0.key != ".scholia-manifest" } }
        #expect(try build().hasPrefix("Built"))
        #expect(try build().hasPrefix("Nothing changed"))
        try site.write("Templates/document-list.mustache", "<p>MY LIST</p>\n")
        try site.write("Templates/assets/scholia.css", "body { color: red; }\n")
        #expect(try build().hasPrefix("Built"), "overrides appeared")
        #expect(try site.read("Public/types/speech/index.html").contains("<p>MY LIST</p>"))
        #expect(built() == (try cleanBuild()))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Templates/document-list.mustache"))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Templates/assets/scholia.css"))
        #expect(try build().hasPrefix("Built"), "overrides went")
        #expect(try !site.read("Public/types/speech/index.html").contains("MY LIST"))
        #expect(try Data(contentsOf: site.root.appendingPathComponent("Public/assets/scholia.css")) == (try Self.repositoryTheme("assets/scholia.css")))
        #expect(built() == (try cleanBuild()))
    }

    @Test func aNewSiteHasNoThemeAndThemeCopyCopiesIt() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("scholia-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        #expect(try CLI.run(["new", "site", "hist210"], in: parent).status == 0)
        let site = parent.appendingPathComponent("hist210")
        let exists = { (path: String) in FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path) }
        #expect(!exists("Templates"))
        #expect(try CLI.run(["build", "--site", site.path, "--output", parent.appendingPathComponent("before").path, "--quiet"]).status == 0)

        let one = try CLI.run(["theme", "copy", "document", "scholia.css", "--site", site.path])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == "Copied Templates/document.mustache\nCopied Templates/assets/scholia.css\n")
        #expect(try Data(contentsOf: site.appendingPathComponent("Templates/document.mustache")) == (try Self.repositoryTheme("document.mustache")))
        #expect(!exists("Templates/base.mustache"), "only the files named")

        try Data("edited\n".utf8).write(to: site.appendingPathComponent("Templates/assets/scholia.css"))
        let again = try CLI.run(["theme", "copy", "--site", site.path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("Templates/assets/scholia.css") && again.stderr.contains("--force"), "\(again.stderr)")
        #expect(!exists("Templates/base.mustache"), "nothing is copied when a file would be overwritten")
        #expect(try String(contentsOf: site.appendingPathComponent("Templates/assets/scholia.css"), encoding: .utf8) == "edited\n")

        let unknown = try CLI.run(["theme", "copy", "documnt", "--site", site.path])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'document'?"), "\(unknown.stderr)")

        let all = try CLI.run(["theme", "copy", "--force", "--site", site.path])
        #expect(all.status == 0, "\(all.stderr)")
        let repository = FixtureSite.snapshot(CLI.repository.appendingPathComponent("Templates"))
        #expect(FixtureSite.snapshot(site.appendingPathComponent("Templates")) == repository, "--force replaces; every file is copied")

        let list = try CLI.run(["theme", "list", "--site", site.path])
        #expect(list.stdout.contains("document.mustache  (overridden by Templates/document.mustache)"))

        // The copied theme is the built-in one: the same site, the same bytes.
        #expect(try CLI.run(["build", "--site", site.path, "--output", parent.appendingPathComponent("after").path, "--quiet"]).status == 0)
        #expect(FixtureSite.snapshot(parent.appendingPathComponent("after")) == FixtureSite.snapshot(parent.appendingPathComponent("before")))
    }
}
