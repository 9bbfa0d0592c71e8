import Testing
import Templating

@Suite struct InterpolationTests {
    @Test func escapesTheFiveHTMLCharactersLikeSwiftMustache() throws {
        let context: TemplateValue = ["x": "<a href=\"/t\">Tom & Jerry's</a> ©"]
        #expect(try render("{{x}}", context) == "&lt;a href=&quot;/t&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; ©")
    }

    @Test func tripleMustacheAndAmpersandDoNotEscape() throws {
        let context: TemplateValue = ["x": "<b>&amp;</b>"]
        #expect(try render("{{{x}}}|{{& x}}|{{ x }}", context) == "<b>&amp;</b>|<b>&amp;</b>|&lt;b&gt;&amp;amp;&lt;/b&gt;")
    }

    @Test func escapesNextToNonASCIIButNotInsideACombinedCharacter() throws {
        // "<\u{338}" is one character (≮), which swift-mustache leaves alone; "é<" is two.
        #expect(try render("{{x}}", ["x": "é<b>\"ü\" a<\u{338}b"]) == "é&lt;b&gt;&quot;ü&quot; a<\u{338}b")
    }

    @Test func numbersAndFlagsPrintAsSwiftDoes() throws {
        #expect(try render("{{n}} {{m}} {{t}} {{f}}", ["n": 0, "m": -42, "t": true, "f": false]) == "0 -42 true false")
    }

    @Test func missingNamesListsAndObjectsPrintNothing() throws {
        #expect(try render("[{{nope}}][{{l}}][{{o}}]", ["l": [1, 2], "o": ["a": 1]]) == "[][][]")
    }

    @Test func contentTypeTextTurnsEscapingOffUntilTheEndOfTheTemplate() throws {
        let context: TemplateValue = ["x": "<i>", "s": true]
        #expect(try render("{{x}}{{% CONTENT_TYPE: TEXT }}{{x}}{{#s}}{{x}}{{/s}}{{%CONTENT_TYPE:HTML}}{{x}}", context)
            == "&lt;i&gt;<i><i>&lt;i&gt;")
    }

    @Test func unknownTemplateIsNil() {
        var library = TemplateLibrary()
        #expect(throws: Never.self) { try library.register("x", named: "a") }
        #expect(library.has("a"))
        #expect(!library.has("b"))
        #expect(library.render("b", [:]) == nil)
        #expect(library.render("a", [:]) == "x")
    }
}
