import Testing
import Templating

@Suite struct SyntaxErrorTests {
    @Test func unclosedSectionPointsAtItsOpeningTag() throws {
        let error = try #require(syntaxError("line one\n  {{#items}}\n  x\n"))
        #expect((error.line, error.column) == (2, 3))
        #expect(error.message == "unclosed section {{#items}}")
        #expect(error.description == "2:3: unclosed section {{#items}}")
        #expect(syntaxError("{{<base}}{{$a}}x{{/a}}")?.message == "unclosed section {{<base}}")
    }

    @Test func mismatchedCloseTag() throws {
        let error = try #require(syntaxError("{{#a}}\n  {{^empty(b)}}\n{{/b}}"))
        #expect((error.line, error.column) == (3, 1))
        #expect(error.message == "closing tag {{/b}} does not match {{^empty(b)}} at 2:3")
        let stray = try #require(syntaxError("é {{/x}}"))
        #expect((stray.line, stray.column, stray.message) == (1, 3, "closing tag {{/x}} has no open section"))
    }

    @Test func unclosedTags() throws {
        let error = try #require(syntaxError("Hello {{name\nmore"))
        #expect((error.line, error.column) == (1, 7))
        #expect(error.message == "unclosed tag: expected '}}'")
        #expect(syntaxError("{{{raw}}")?.message == "unclosed tag: expected '}' after {{{raw")
        let comment = try #require(syntaxError("a\n{{! never closed"))
        #expect((comment.line, comment.column, comment.message) == (2, 1, "unclosed comment"))
    }

    @Test func otherMalformedTags() {
        #expect(syntaxError("{{a(b}}")?.message == "malformed transform in 'a(b'")
        #expect(syntaxError("{{=<%>=}}") != nil)
        #expect(syntaxError("{{<base}}{{x}}{{/base}}")?.message == "only blocks {{$name}}…{{/name}} may be inside {{<base}}")
        #expect(syntaxError("{{% CONTENT_TYPE: PDF }}") != nil)
        #expect(syntaxError("{{#a}}{{/a}} {{x}} {{{y}}} {{> p}}") == nil)
    }
}
