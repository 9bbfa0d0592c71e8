import CSL
import CSLFixtures
import Foundation

// csl-suite TEST-SUITE-FOLDER LOCALES-FOLDER [FILTER]
// csl-suite --check-styles STYLES-FOLDER   (parses every .csl file, reports errors)
// csl-suite --every-style STYLES-FOLDER LOCALES-FOLDER ITEMS.json […] [--sample N] [--seed S] [--dump FOLDER] [--expect-empty FILE]
//   (renders the items in every style: no failure to load, no empty output, no "[CSL STYLE ERROR")
// csl-suite --bench STYLE.csl [STYLE.csl …] LOCALES-FOLDER   (CSL_BENCH_COUNT=n items, default 10,000)
// csl-suite --bench-site STYLE.csl [STYLE.csl …] LOCALES-FOLDER   (the same items as one-item documents, as a site build renders them)
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--check-styles", arguments.count >= 2 {
    exit(StyleCheck.run(folder: URL(fileURLWithPath: arguments[1])))
}
if arguments.first == "--every-style" {
    exit(EveryStyle.run(Array(arguments.dropFirst())))
}
if arguments.first == "--bench" || arguments.first == "--bench-site" {
    guard arguments.count >= 3 else {
        print("usage: csl-suite \(arguments[0]) STYLE.csl [STYLE2.csl …] LOCALES-FOLDER")
        exit(2)
    }
    let count = ProcessInfo.processInfo.environment["CSL_BENCH_COUNT"].flatMap(Int.init) ?? 10_000
    let styles = Array(arguments[1..<(arguments.count - 1)])
    exit(arguments.first == "--bench"
        ? Benchmark.run(styles: styles, locales: arguments.last!, count: count)
        : SiteBenchmark.run(styles: styles, locales: arguments.last!, count: count))
}
guard arguments.count >= 2 else {
    print("usage: csl-suite TEST-SUITE-FOLDER LOCALES-FOLDER [NAME-FILTER]")
    exit(2)
}
let result = SuiteRunner.run(suite: URL(fileURLWithPath: arguments[0]), locales: URL(fileURLWithPath: arguments[1]),
                             filter: arguments.count > 2 ? arguments[2] : nil, verbose: true)
print("\(result.passed.count) passed, \(result.failed.count) failed")
exit(result.failed.isEmpty ? 0 : 1)
