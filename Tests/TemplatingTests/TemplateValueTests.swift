import Testing
import Templating

@Suite struct TemplateValueTests {
    @Test func objectsKeepTheirFieldOrderAndReplaceInPlace() {
        var value: TemplateValue = ["title": "A", "count": 2, "draft": false]
        value["count"] = 3
        value["extra"] = "x"
        guard case .object(let object) = value else { Issue.record("not an object"); return }
        #expect(object.fields.map(\.name) == ["title", "count", "draft", "extra"])
        guard case .number(3)? = object["count"] else { Issue.record("count not replaced"); return }
    }

    @Test func optionalTextIsFalseWhenMissingOrEmpty() {
        guard case .flag(false) = TemplateValue.optional(nil), case .flag(false) = TemplateValue.optional("") else {
            Issue.record("missing text should be false"); return
        }
        guard case .text("x") = TemplateValue.optional("x") else { Issue.record("text lost"); return }
    }
}
