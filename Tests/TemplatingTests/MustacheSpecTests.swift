import Foundation
import Testing
import Templating

/// Runs the official Mustache spec suites (copied into MustacheSpec/, see its README); fails on any test that
/// renders differently and is not listed, with its reason, in MustacheSpec/known-deviations.txt.
@Suite struct MustacheSpecTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("MustacheSpec")

    struct SpecTest {
        let id: String
        let data: TemplateValue
        let template: String
        let partials: [String: String]
        let expected: String
    }

    @Test func specSuitesHaveNoNewDeviations() throws {
        let known = try Self.knownDeviations()
        var passed: [String] = [], failed: [String] = []
        for test in try Self.allTests() {
            var library = TemplateLibrary()
            var output: String?
            do {
                for (name, source) in test.partials { try library.register(source, named: name) }
                try library.register(test.template, named: "main")
                output = library.render("main", test.data)
            } catch {
                output = nil
            }
            if output == test.expected { passed.append(test.id) } else { failed.append(test.id) }
            if output != test.expected, !known.contains(test.id) {
                Issue.record("\(test.id): expected \(test.expected.debugDescription), got \(output?.debugDescription ?? "a syntax error")")
            }
        }
        #expect(passed.count + failed.count == 194, "expected the 194 tests of the nine suites")
        let nowPassing = passed.filter { known.contains($0) }
        #expect(nowPassing.isEmpty, "listed as deviations but now pass (remove them): \(nowPassing)")
        print("Mustache spec: \(passed.count) passed, \(failed.count) known deviations")
    }

    static func knownDeviations() throws -> Set<String> {
        let text = try String(contentsOf: folder.appendingPathComponent("known-deviations.txt"), encoding: .utf8)
        return Set(text.split(separator: "\n").compactMap { line -> String? in
            let id = line.split(separator: "#", maxSplits: 1).first?.trimmingCharacters(in: .whitespaces) ?? ""
            return id.isEmpty ? nil : id
        })
    }

    /// Every test of every suite, named `suite/test name`. Lambdas carry code per language: their data's lambda
    /// objects stay objects (which the engine does not call, so those tests are listed).
    static func allTests() throws -> [SpecTest] {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        return try files.flatMap { file -> [SpecTest] in
            let suite = try JSONDecoder().decode(Suite.self, from: Data(contentsOf: folder.appendingPathComponent(file)))
            return suite.tests.map { test in
                SpecTest(id: "\(file.dropLast(5))/\(test.name)", data: test.data.value, template: test.template,
                         partials: test.partials ?? [:], expected: test.expected)
            }
        }
    }

    struct Suite: Decodable {
        struct Test: Decodable {
            let name: String, template: String, expected: String
            let data: JSON
            let partials: [String: String]?
        }
        let tests: [Test]
    }

    /// Any JSON value, turned into the engine's plain values. TemplateValue has whole numbers only: a decimal
    /// becomes its text, which renders as the spec expects (`1.21`).
    enum JSON: Decodable {
        case value(TemplateValue)

        init(from decoder: Decoder) throws {
            let single = try decoder.singleValueContainer()
            if let flag = try? single.decode(Bool.self) { self = .value(.flag(flag)); return }
            if let number = try? single.decode(Int.self) { self = .value(.number(number)); return }
            if let number = try? single.decode(Double.self) { self = .value(.text("\(number)")); return }
            if let text = try? single.decode(String.self) { self = .value(.text(text)); return }
            if let list = try? single.decode([JSON].self) { self = .value(.list(list.map(\.value))); return }
            if let object = try? single.decode([String: JSON?].self) {
                // The engine's values have no null: a null field is left out, and a missing name renders as the
                // spec wants null to.
                let fields = object.keys.sorted().compactMap { key in object[key]!.map { (key, $0.value) } }
                self = .value(.object(TemplateObject(fields)))
                return
            }
            self = .value(.flag(false))  // a null at the top
        }

        var value: TemplateValue {
            switch self { case .value(let value): value }
        }
    }
}
