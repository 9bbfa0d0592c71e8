import CSL
import Foundation

// csl-suite TEST-SUITE-FOLDER LOCALES-FOLDER [FILTER]
// csl-suite --check-styles STYLES-FOLDER   (parses every .csl file, reports errors)
// csl-suite --bench STYLE.csl [STYLE.csl …] LOCALES-FOLDER   (CSL_BENCH_COUNT=n items, default 10,000)
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--check-styles", arguments.count >= 2 {
    exit(StyleCheck.run(folder: URL(fileURLWithPath: arguments[1])))
}
if arguments.first == "--bench" {
    guard arguments.count >= 3 else {
        print("usage: csl-suite --bench STYLE.csl [STYLE2.csl …] LOCALES-FOLDER")
        exit(2)
    }
    let count = ProcessInfo.processInfo.environment["CSL_BENCH_COUNT"].flatMap(Int.init) ?? 10_000
    exit(Benchmark.run(styles: Array(arguments[1..<(arguments.count - 1)]), locales: arguments.last!, count: count))
}
guard arguments.count >= 2 else {
    print("usage: csl-suite TEST-SUITE-FOLDER LOCALES-FOLDER [NAME-FILTER]")
    exit(2)
}
let result = SuiteRunner.run(suite: URL(fileURLWithPath: arguments[0]), locales: URL(fileURLWithPath: arguments[1]),
                             filter: arguments.count > 2 ? arguments[2] : nil, verbose: true)
print("\(result.passed.count) passed, \(result.failed.count) failed")
exit(result.failed.isEmpty ? 0 : 1)
