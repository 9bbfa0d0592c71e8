import Testing
import Templating

@Suite struct PartialTests {
    @Test func standalonePartialIsIndentedLineByLine() throws {
        let partials = ["item": "<li>{{.}}</li>\n", "two": "a\nb\n"]
        #expect(try render("<ul>\n{{#items}}\n  {{> item}}\n{{/items}}\n</ul>\n", ["items": ["x", "y"]], partials: partials)
            == "<ul>\n  <li>x</li>\n  <li>y</li>\n</ul>\n")
        #expect(try render("[\n  {{> two}}\n]", partials: partials) == "[\n  a\n  b\n]")
        // Not standalone: no indentation.
        #expect(try render("  {{> two}}x", partials: partials) == "  a\nb\nx")
    }

    @Test func listItemsInsideAnIndentedPartialStartUnindentedAsInSwiftMustache() throws {
        // swift-mustache indents a line only where its own previous output ended with a newline, so the first
        // line of the second item is not indented. Our theme's document list depends on this.
        let partials = ["list": "{{#l}}\n<{{.}}>\n{{/l}}\nend\n"]
        #expect(try render("  {{> list}}\n", ["l": ["a", "b"]], partials: partials) == "  <a>\n<b>\n  end\n")
    }

    @Test func missingPartialRendersNothingAndDynamicNamesWork() throws {
        let partials = ["card": "card {{x}}"]
        #expect(try render("[{{> nope}}]", partials: partials) == "[]")
        #expect(try render("[{{>*which}}]", ["which": "card", "x": 1], partials: partials) == "[card 1]")
    }

    @Test func parentBlocksTakeOverridesOrTheirDefault() throws {
        let partials = ["base": "<title>{{$title}}Default{{/title}}</title>\n<main>\n{{$content}}{{/content}}\n</main>\n"]
        let page = "{{<base}}\n{{$content}}\n<p>{{body}}</p>\n{{/content}}\n{{/base}}\n"
        #expect(try render(page, ["body": "Hi"], partials: partials) == "<title>Default</title>\n<main>\n<p>Hi</p>\n\n</main>\n")
        let titled = "{{<base}}{{$title}}Mine{{/title}}{{/base}}"
        #expect(try render(titled, partials: partials) == "<title>Mine</title>\n<main>\n\n</main>\n")
    }

    @Test func theOutermostOverrideWins() throws {
        let partials = ["grand": "[{{$x}}g{{/x}}{{$y}}gy{{/y}}]", "mid": "{{<grand}}{{$x}}m{{/x}}{{$y}}my{{/y}}{{/grand}}"]
        #expect(try render("{{<mid}}{{$x}}leaf{{/x}}{{/mid}}", partials: partials) == "[leafmy]")
    }

    @Test func blockOverrideLosesTheIndentationOfItsFirstLine() throws {
        let partials = ["base": "<{{$b}}{{/b}}>"]
        #expect(try render("{{<base}}\n{{$b}}\n    one\n      two\n{{/b}}\n{{/base}}", partials: partials) == "<one\n  two\n>")
    }
}
