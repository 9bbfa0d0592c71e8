import Testing
import Templating

@Suite struct WhitespaceTests {
    @Test func standaloneSectionAndCommentLinesDisappear() throws {
        #expect(try render("a\n  {{#s}}\n  b\n  {{/s}}\nc", ["s": true]) == "a\n  b\nc")
        #expect(try render("a\n  {{! note }}  \nb\n{{!\nmulti-line\n}}\nc") == "a\nb\nc")
        #expect(try render("a\r\n{{#s}}\r\nb\r\n{{/s}}\r\n", ["s": true]) == "a\r\nb\r\n")
        #expect(try render("a\n  {{^s}}\n  {{/s}}", ["s": true]) == "a\n")
    }

    @Test func tagsSharingALineKeepTheirWhitespace() throws {
        #expect(try render("a {{#s}}b{{/s}} c\n", ["s": true]) == "a b c\n")
        #expect(try render("  {{#s}}b{{/s}}\n", ["s": true]) == "  b\n")
        #expect(try render(" {{x}} \n", ["x": 1]) == " 1 \n")
    }

    @Test func setDelimiters() throws {
        #expect(try render("{{=<% %>=}}<% x %> {{x}} <%={{ }}=%>{{x}}", ["x": 1]) == "1 {{x}} 1")
        #expect(try render("a\n{{=| |=}}\n|#l||.||/l|\n", ["l": [1, 2]]) == "a\n12\n")
    }
}
