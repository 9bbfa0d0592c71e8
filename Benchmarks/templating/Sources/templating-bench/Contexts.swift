import Templating

/// Page contexts shaped like the ones `scholia build` gives the default theme (the field names its templates use),
/// with made-up text of realistic size.
enum Contexts {
    static func site() -> TemplateValue {
        ["site": ["title": "Primary Sources & Notes", "language": "en-US", "home": "/hist210/", "feed": "/hist210/feed.xml",
                  "publisher": "Department of History"],
         "assets": ["css": "/hist210/assets/scholia.css", "js": "/hist210/assets/scholia.js"],
         "nav": .list(["Documents", "Speakers", "Topics", "Years", "Collections"].enumerated().map { index, label in
             ["label": .text(label), "href": .text("/hist210/\(label.lowercased())/"), "current": .flag(index == 0)]
         })]
    }

    static func merged(_ base: TemplateValue, _ fields: [(String, TemplateValue)]) -> TemplateValue {
        var value = base
        for (name, field) in fields { value[name] = field }
        return value
    }

    static func documentPage(paragraphs: Int) -> TemplateValue {
        let transcript = (1...paragraphs).map { n in
            "<div class=\"turn\" data-speaker=\"john-kerry\"><p id=\"p\(n)\"><a class=\"pilcrow\" href=\"#p\(n)\">\(n)</a> "
                + String(repeating: "Well, the – let me begin with the alternative, which is more violence. ", count: 6) + "</p></div>\n"
        }.joined()
        let people: TemplateValue = .list((0..<3).map { n in
            ["name": .text("Speaker \(n) “Quoted” <Name>"), "href": .text("/hist210/speakers/s\(n)/"),
             "role": .text("Secretary of State"), "last": .flag(n == 2)]
        })
        return merged(site(), [
            ("page", ["title": "Joint Press Conference by Secretary Kerry & Minister Lavrov", "url": "https://example.edu/hist210/documents/d/",
                      "description": "The two ministers announce an international conference on Syria.", "isHome": false]),
            ("meta", .list((0..<12).map { ["name": .text("citation_author"), "content": .text("Kerry, John \($0)")] })),
            ("document", [
                "title": "Joint Press Conference by Secretary Kerry & Minister Lavrov", "type": "Press conference",
                "typeHref": "/hist210/types/press-conference/", "language": "en", "date": "May 7, 2013", "dateISO": "2013-05-07",
                "participantGroups": .list([["heading": "Speakers", "people": people]]),
                "summaryHTML": "The two ministers announce an <em>international conference</em> on Syria.",
                "excerpt": "Excerpt from the press conference:", "transcriptHTML": .text(transcript),
                "questions": .list((1...3).map { ["number": .number($0), "noteHTML": .text("What is <em>the alternative</em>?"),
                                                  "href": .text("#p\($0)"), "paragraph": .number($0)] }),
                "notes": .list((1...10).map { ["number": .number($0), "kind": "Note", "paragraph": .number($0), "noteHTML": "A note."] }),
                "topics": .list((0..<4).map { ["title": .text("Topic \($0)"), "href": .text("/hist210/topics/t\($0)/")] }),
                "sourceHTML": "U.S. Department of State, <a href=\"https://2009-2017.state.gov/\">Remarks</a>",
                "citation": ["json": "citation.json", "bib": "citation.bib", "ris": "citation.ris"],
                "related": .list((0..<5).map { ["href": .text("/hist210/documents/r\($0)/"), "title": .text("Related \($0)"),
                                                "speakers": "John Kerry", "date": "May 8, 2013", "dateISO": "2013-05-08"] }),
            ]),
            ("citations", .list(["mla", "apa", "chicago"].enumerated().map { index, id in
                ["id": .text(id), "label": .text(id.uppercased()), "first": .flag(index == 0),
                 "bibliographyHTML": "Kerry, John, and Sergey Lavrov. <i>Joint Press Conference</i>. U.S. Department of State, 7 May 2013.",
                 "shortLabel": "In-text citation", "shortHTML": "(Kerry and Lavrov)", "pinpointHTML": "(Kerry and Lavrov, par. {n})",
                 "pinpointText": "(Kerry and Lavrov, par. {n})"]
            })),
        ])
    }

    static func listPage(documents: Int) -> TemplateValue {
        merged(site(), [
            ("page", ["title": "All documents", "url": "https://example.edu/hist210/documents/", "isHome": false]),
            ("heading", "All documents"),
            ("documents", .list((0..<documents).map { n in
                ["href": .text("/hist210/documents/d\(n)/"), "title": .text("Document \(n): a speech on <war> & peace"),
                 "date": "May 7, 2013", "dateISO": "2013-05-07", "type": "Speech", "speakers": "John F. Kennedy",
                 "summaryHTML": "A <em>summary</em> of one paragraph, as long as a real one is, give or take a sentence or two."]
            })),
        ])
    }

    /// The same values as swift-mustache takes them: dictionaries, arrays, strings, numbers and booleans.
    static func plain(_ value: TemplateValue) -> Any {
        switch value {
        case .text(let text): text
        case .number(let number): number
        case .flag(let flag): flag
        case .list(let items): items.map(plain)
        case .object(let object): Dictionary(object.fields.map { ($0.name, plain($0.value)) }, uniquingKeysWith: { a, _ in a })
        }
    }
}
