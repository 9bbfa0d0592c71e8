import Foundation
import Testing
@testable import ScholiaServer

extension LivePreview {
    @Suite struct Traversal {
        static let attempts = [
            "/../site.yml", "/../../etc/passwd", "/documents/../../site.yml", "/documents/first/../../../site.yml",
            "/%2e%2e/site.yml", "/%2E%2E/%2E%2E/etc/passwd", "/.%2e/site.yml", "/documents/%2e%2e/%2e%2e/site.yml",
            "/..%2fsite.yml", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/assets%2fscholia.css", "/assets%5cscholia.css",
            "/..%5csite.yml", "/%00", "/documents/first/%00", "/%zz", "/./site.yml",
            "/site.yml", "/Content/documents/first.md", "/Templates/base.mustache", "/outside.txt",
        ]

        @Test func attemptsToLeaveTheSiteAreNotFound() async throws {
            let site = try FixtureSite()
            // A secret beside the site. (A link to it from the static folder is a build error, which
            // ScholiaCLITests.InputTests checks, so the site here has none.)
            let secret = site.root.deletingLastPathComponent().appendingPathComponent("scholia-secret-\(UUID().uuidString).txt")
            try Data("base_url: SECRET\n".utf8).write(to: secret)
            defer { try? FileManager.default.removeItem(at: secret) }

            try await RunningPreview.with(site) { site, preview in
                for path in Self.attempts {
                    let reply = try await preview.get(path)
                    #expect(reply.status == 404, "\(path)")
                    #expect(!reply.text.contains("base_url"), "\(path)")
                }
                // The folders still work, so the 404s above are not a broken server.
                #expect(try await preview.get("/assets/scholia.css").status == 200)
            }
        }

        /// A static file that links out of the site is an error naming the link, and the file is never served.
        @Test func aLinkOutOfTheSiteIsAnErrorNotAFile() async throws {
            try await RunningPreview.with(FixtureSite()) { site, preview in
                let secret = site.root.deletingLastPathComponent().appendingPathComponent("scholia-secret-\(UUID().uuidString).txt")
                try Data("base_url: SECRET\n".utf8).write(to: secret)
                defer { try? FileManager.default.removeItem(at: secret) }
                try FileManager.default.createDirectory(at: site.root.appendingPathComponent("Content/static"), withIntermediateDirectories: true)
                try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("Content/static/outside.txt"), withDestinationURL: secret)
                let broken = try #require(try await preview.waitFor("/") { $0.text.contains(ErrorList.elementID) })
                #expect(broken.text.contains("Content/static/outside.txt"))
                #expect(!(try await preview.get("/outside.txt")).text.contains("SECRET"))
            }
        }
    }
}

@Suite struct RequestPathTests {
    @Test func resolvesInsideTheBasePath() {
        #expect(RequestPath.resolve("/", basePath: "/") == .inside(""))
        #expect(RequestPath.resolve("/documents/x/", basePath: "/") == .inside("documents/x/"))
        #expect(RequestPath.resolve("/documents//x", basePath: "/") == .inside("documents/x"))
        #expect(RequestPath.resolve("/a%20b.txt", basePath: "/") == .inside("a b.txt"))
        #expect(RequestPath.resolve("/hist210/", basePath: "/hist210/") == .inside(""))
        #expect(RequestPath.resolve("/hist210/documents/", basePath: "/hist210/") == .inside("documents/"))
        #expect(RequestPath.resolve("/hist210", basePath: "/hist210/") == .baseWithoutSlash)
        #expect(RequestPath.resolve("/documents/", basePath: "/hist210/") == .outside)
        #expect(RequestPath.resolve("/hist2100/", basePath: "/hist210/") == .outside)
    }

    @Test func refusesTraversalAndHiddenSeparators() {
        for path in LivePreview.Traversal.attempts.prefix(17) {
            #expect(RequestPath.resolve(path, basePath: "/") == .refused, "\(path)")
        }
        #expect(RequestPath.resolve("/%c3%28", basePath: "/") == .refused)
        #expect(RequestPath.resolve("relative", basePath: "/") == .refused)
    }

    @Test func etagsCompareWeakly() {
        #expect(ETag.matches("\"a\"", "\"a\""))
        #expect(ETag.matches("W/\"a\"", "\"a\""))
        #expect(ETag.matches("\"b\", \"a\"", "\"a\""))
        #expect(ETag.matches("*", "\"a\""))
        #expect(!ETag.matches("\"b\"", "\"a\""))
        #expect(!ETag.matches(nil, "\"a\""))
    }
}
