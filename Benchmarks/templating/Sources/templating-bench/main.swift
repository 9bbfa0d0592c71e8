import Foundation
import Mustache
import Templating

// templating-bench [TEMPLATES-FOLDER] [RUNS]
// Renders the theme's document page and a list page of 50 documents with Scholia's engine and with
// swift-mustache 2.1.1, checks that both give the same bytes, and prints the time per page of each.
let arguments = CommandLine.arguments.dropFirst()
let folder = URL(fileURLWithPath: arguments.first ?? "../../Templates")
let runs = arguments.dropFirst().first.flatMap(Int.init) ?? 2_000

let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }.sorted()
var ours = TemplateLibrary()
var theirs = MustacheLibrary()
for file in names {
    let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
    let name = String(file.dropLast(".mustache".count))
    try ours.register(source, named: name)
    try theirs.register(source, named: name)
}

let pages: [(template: String, context: TemplateValue)] = [
    ("document", Contexts.documentPage(paragraphs: 120)),
    ("list", Contexts.listPage(documents: 50)),
]
var failed = false
print("page        runs   Templating µs   swift-mustache µs   ratio")
for page in pages {
    let plain = Contexts.plain(page.context)
    guard let a = ours.render(page.template, page.context), let b = theirs.render(plain, withTemplate: page.template) else {
        print("\(page.template): no such template in \(folder.path)")
        exit(2)
    }
    if a != b {
        failed = true
        let at = zip(a, b).prefix { $0 == $1 }.count
        print("\(page.template): outputs differ at character \(at): \(a.dropFirst(at).prefix(60).debugDescription) vs \(b.dropFirst(at).prefix(60).debugDescription)")
    }
    func time(_ body: () -> Int) -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            var bytes = 0
            for _ in 0..<runs { bytes &+= body() }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000 / Double(runs)
            if bytes == 0 { print("nothing rendered") }
            best = min(best, elapsed)
        }
        return best
    }
    let oursTime = time { ours.render(page.template, page.context)!.utf8.count }
    let theirsTime = time { theirs.render(plain, withTemplate: page.template)!.utf8.count }
    print(String(format: "%-10@ %6d %15.1f %19.1f %7.1f×", page.template as NSString, runs, oursTime, theirsTime, theirsTime / oursTime))
}
print(failed ? "the engines disagree (see above)" : "same bytes from both engines on every page")
exit(failed ? 1 : 0)
