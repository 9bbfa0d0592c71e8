import ScholiaModel

extension DocumentDetails {
    static func read(_ yaml: YAMLMapping, _ diagnostics: inout DiagnosticList) -> DocumentDetails {
        DocumentDetails(place: yaml.string("place", &diagnostics), issuer: yaml.string("issuer", &diagnostics),
                        number: yaml.string("number", &diagnostics), hearing: yaml.string("hearing", &diagnostics),
                        congress: yaml.int("congress", &diagnostics), session: yaml.int("session", &diagnostics),
                        parties: yaml.stringList("parties", &diagnostics).map(\.0), series: yaml.string("series", &diagnostics))
    }
}
