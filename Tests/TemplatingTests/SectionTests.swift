import Testing
import Templating

@Suite struct SectionTests {
    @Test func listRepeatsPerItemWithTheItemOnTop() throws {
        let context: TemplateValue = ["l": ["a", 1, ["name": "obj"]], "name": "root"]
        #expect(try render("{{#l}}[{{.}}{{name}}]{{/l}}", context) == "[aroot][1root][obj]")
        #expect(try render("{{#l}}x{{/l}}", ["l": []]) == "")
    }

    @Test func flagsShowOnceInTheSameContext() throws {
        #expect(try render("{{#t}}yes {{name}}{{/t}}{{#f}}no{{/f}}", ["t": true, "f": false, "name": "N"]) == "yes N")
    }

    @Test func emptyTextZeroAndEmptyObjectsAreTruthyAsInSwiftMustache() throws {
        #expect(try render("{{#s}}<{{.}}>{{/s}}", ["s": ""]) == "<>")
        #expect(try render("{{#n}}n={{.}}{{/n}}", ["n": 0]) == "n=0")
        #expect(try render("{{#o}}shown{{/o}}", ["o": [:]]) == "shown")
        #expect(try render("{{#missing}}shown{{/missing}}") == "")
    }

    @Test func invertedShowsForMissingFalseAndEmptyListOnly() throws {
        let context: TemplateValue = ["f": false, "l": [], "s": "", "n": 0, "o": [:], "t": true, "full": [1]]
        #expect(try render("{{^missing}}1{{/missing}}{{^f}}2{{/f}}{{^l}}3{{/l}}", context) == "123")
        #expect(try render("{{^s}}a{{/s}}{{^n}}b{{/n}}{{^o}}c{{/o}}{{^t}}d{{/t}}{{^full}}e{{/full}}", context) == "")
    }

    @Test func emptyTransform() throws {
        let template = "{{^empty(l)}}has {{count(l)}}{{/empty(l)}}{{#empty(l)}}none{{/empty(l)}}"
        #expect(try render(template, ["l": []]) == "none")
        #expect(try render(template, ["l": [1, 2]]) == "has 2")
        #expect(try render("{{#empty(s)}}empty text{{/empty(s)}}", ["s": ""]) == "empty text")
        // As swift-mustache: yes/no values take no transform, so `empty(false)` is nothing and `{{^…}}` shows.
        #expect(try render("{{^empty(f)}}shown{{/empty(f)}}", ["f": false]) == "shown")
    }

    @Test func positionTransformsInsideAList() throws {
        let template = "{{#l}}{{index()}}{{#first()}}F{{/first()}}{{#last()}}L{{/last()}}{{#even()}}e{{/even()}}|{{/l}}"
        #expect(try render(template, ["l": ["a", "b", "c"]]) == "0Fe|1|2Le|")
        // Only directly inside the list section.
        #expect(try render("{{index()}}{{#l}}{{#o}}[{{index()}}]{{/o}}{{/l}}", ["l": [1], "o": ["x": 1]]) == "[]")
    }

    @Test func otherTransformsAndUnknownOnes() throws {
        let context: TemplateValue = ["n": 4, "t": "Abc", "l": ["x", "y"], "o": ["b": 2, "a": 1]]
        #expect(try render("{{plusone(n)}} {{minusone(n)}} {{uppercased(t)}} {{lowercased(t)}} {{reversed(t)}} {{first(l)}} {{last(l)}}", context)
            == "5 3 ABC abc cbA x y")
        #expect(try render("{{#sorted(o)}}{{key}}={{value}};{{/sorted(o)}}{{#reversed(l)}}{{.}}{{/reversed(l)}}", context) == "a=1;b=2;yx")
        #expect(try render("{{plusone(count(l))}}", context) == "3")
        #expect(try render("[{{shout(t)}}]{{^shout(t)}}none{{/shout(t)}}", context) == "[]none")
    }

    @Test func dottedNamesAndTheContextStack() throws {
        let context: TemplateValue = ["a": ["b": ["c": "deep"]], "name": "root", "child": ["other": 1], "c": ["a": [:]]]
        #expect(try render("{{a.b.c}}|{{a.x.y}}", context) == "deep|")
        #expect(try render("{{#child}}{{name}}{{/child}}", context) == "root")
        #expect(try render("{{#child}}[{{.name}}][{{.other}}]{{/child}}", context) == "[][1]")
        #expect(try render("{{#a}}{{b.c}}{{/a}}", context) == "deep")
        // `a` is found in `c` (an empty object), so `a.b` is not looked for further down the stack.
        #expect(try render("{{#c}}[{{a.b.c}}]{{/c}}", context) == "[]")
    }
}
