import ScholiaModel
import ScholiaLoad

/// BibTeX and RIS records made from a document's CSL item, so that every format says the same thing.
package enum CitationExports {
    package static func cslJSON(_ items: [JSONValue]) -> String {
        JSONValue.array(items).serialized() + "\n"
    }

    // MARK: BibTeX

    package static func bibtex(_ item: JSONValue) -> String {
        let type: String
        switch item["type"]?.stringValue {
        case "report": type = "techreport"
        case "manuscript": type = "unpublished"
        default: type = "misc"
        }
        var fields: [(String, String)] = []
        if let authors = names(item["author"]) { fields.append(("author", authors.map(bibtexName).joined(separator: " and "))) }
        if let title = item["title"]?.stringValue { fields.append(("title", "{" + bibtexEscape(title) + "}")) }
        if let parts = dateParts(item["issued"]) {
            // BibLaTeX's `date` is ISO 8601 / EDTF, whose years count 1 BCE as 0: 44 BCE (CSL's -44) is -0043.
            // A classic BibTeX style prints `year` as written, so it says "44 BCE" rather than a minus sign.
            fields.append(("date", isoDate(parts)))
            fields.append(("year", parts[0][0] < 0 ? "\(-parts[0][0]) BCE" : String(parts[0][0])))
        }
        if let genre = item["genre"]?.stringValue { fields.append(("type", bibtexEscape(genre))) }
        if let container = item["container-title"]?.stringValue { fields.append(("howpublished", bibtexEscape(container))) }
        if let publisher = item["publisher"]?.stringValue { fields.append(("publisher", bibtexEscape(publisher))) }
        if let place = item["publisher-place"]?.stringValue { fields.append(("address", bibtexEscape(place))) }
        if let archive = item["archive"]?.stringValue { fields.append(("organization", bibtexEscape(archive))) }
        if let language = item["language"]?.stringValue { fields.append(("langid", bibtexEscape(language))) }
        if let url = item["URL"]?.stringValue { fields.append(("url", url.replacingOccurrences(of: "}", with: "%7D"))) }
        if let accessed = dateParts(item["accessed"]) { fields.append(("urldate", isoDate(accessed))) }
        let key = item["id"]?.stringValue ?? "item"
        return "@\(type){\(key),\n" + fields.map { "  \($0.0) = {\($0.1)}" }.joined(separator: ",\n") + "\n}\n"
    }

    static func bibtexName(_ name: JSONValue) -> String {
        if let literal = name["literal"]?.stringValue { return "{" + bibtexEscape(literal) + "}" }
        let family = [name["non-dropping-particle"]?.stringValue, name["family"]?.stringValue].compactMap { $0 }.joined(separator: " ")
        var parts = [bibtexEscape(family)]
        if let suffix = name["suffix"]?.stringValue { parts.append(bibtexEscape(suffix)) }
        if let given = name["given"]?.stringValue { parts.append(bibtexEscape(given)) }
        return parts.map(protectingAnd).joined(separator: ", ")
    }

    /// BibTeX splits authors at the word "and": a name part holding it ("Smith and Jones") is braced.
    static func protectingAnd(_ part: String) -> String {
        part.split(whereSeparator: \.isWhitespace).contains { $0.lowercased() == "and" } ? "{" + part + "}" : part
    }

    /// Escapes the characters that mean something to TeX.
    static func bibtexEscape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "&", "%", "$", "#", "_": out += "\\" + String(character)
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            default: out.append(character)
            }
        }
        return out
    }

    // MARK: RIS

    package static func ris(_ item: JSONValue) -> String {
        let type: String
        switch item["type"]?.stringValue {
        case "personal_communication": type = "PCOMM"
        case "hearing": type = "HEAR"
        case "report": type = "RPRT"
        case "manuscript": type = "MANSCPT"
        case "interview": type = "GEN"
        default: type = "GEN"
        }
        var lines = ["TY  - \(type)"]
        for name in names(item["author"]) ?? [] { lines.append("AU  - " + risName(name)) }
        for name in names(item["recipient"]) ?? [] { lines.append("A2  - " + risName(name)) }
        if let title = item["title"]?.stringValue { lines.append("TI  - " + risLine(title)) }
        if let container = item["container-title"]?.stringValue { lines.append("T2  - " + risLine(container)) }
        if let parts = dateParts(item["issued"]) {
            // RIS dates are `YYYY/MM/DD/other info`, four unsigned digits then free text: a year before 1 CE
            // is its number (44 for CSL's -44) with the era as the other info, `0044///BCE`.
            let start = parts[0], year = zeroPadded(abs(start[0]), 4), era = start[0] < 0 ? "BCE" : ""
            let monthDay = start.dropFirst().map { zeroPadded($0, 2) }
            lines.append("PY  - " + (era.isEmpty ? year : "\(year)///\(era)"))
            let padded = era.isEmpty ? monthDay : monthDay + Array(repeating: "", count: 2 - monthDay.count)
            lines.append("DA  - " + ([year] + padded).joined(separator: "/") + "/" + era)
        }
        if let genre = item["genre"]?.stringValue { lines.append("M3  - " + risLine(genre)) }
        if let publisher = item["publisher"]?.stringValue { lines.append("PB  - " + risLine(publisher)) }
        if let place = item["publisher-place"]?.stringValue { lines.append("CY  - " + risLine(place)) }
        if let archive = item["archive"]?.stringValue { lines.append("DP  - " + risLine(archive)) }
        if let location = item["archive_location"]?.stringValue { lines.append("AN  - " + risLine(location)) }
        if let language = item["language"]?.stringValue { lines.append("LA  - " + risLine(language)) }
        if let abstract = item["abstract"]?.stringValue { lines.append("AB  - " + risLine(abstract)) }
        if let url = item["URL"]?.stringValue { lines.append("UR  - " + risLine(url)) }
        if let accessed = dateParts(item["accessed"]) { lines.append("Y2  - " + isoDate(accessed)) }
        lines.append("ER  - ")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func risName(_ name: JSONValue) -> String {
        if let literal = name["literal"]?.stringValue { return risLine(literal) }
        let family = [name["non-dropping-particle"]?.stringValue, name["family"]?.stringValue].compactMap { $0 }.joined(separator: " ")
        return risLine([family, name["given"]?.stringValue, name["suffix"]?.stringValue].compactMap { $0 }.joined(separator: ", "))
    }

    /// A RIS value is one line.
    static func risLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    // MARK: Shared

    static func names(_ value: JSONValue?) -> [JSONValue]? {
        guard case .array(let names)? = value, !names.isEmpty else { return nil }
        return names
    }

    static func dateParts(_ value: JSONValue?) -> [[Int]]? {
        guard case .array(let ranges)? = value?["date-parts"] else { return nil }
        let parts = ranges.map { range -> [Int] in
            guard case .array(let numbers) = range else { return [] }
            return numbers.compactMap { if case .int(let n) = $0 { n } else { nil } }
        }
        return parts.first?.isEmpty == false ? parts : nil
    }

    /// ISO 8601 (EDTF) dates from CSL date parts. CSL has no year 0 (44 BCE is -44); ISO counts 1 BCE as 0,
    /// so 44 BCE is `-0043`.
    static func isoDate(_ parts: [[Int]]) -> String {
        let format = { (p: [Int]) -> String in
            guard let year = p.first else { return "" }
            let iso = year < 0 ? year + 1 : year
            let yearText = iso < 0 ? "-" + zeroPadded(-iso, 4) : zeroPadded(iso, 4)
            return ([yearText] + p.dropFirst().map { zeroPadded($0, 2) }).joined(separator: "-")
        }
        return parts.count > 1 ? format(parts[0]) + "/" + format(parts[1]) : format(parts[0])
    }
}
