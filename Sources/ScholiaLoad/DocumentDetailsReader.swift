import ScholiaModel

extension DocumentDetails {
    static func read(_ yaml: YAMLMapping, _ diagnostics: inout DiagnosticList) -> DocumentDetails {
        DocumentDetails(place: yaml.string("place", &diagnostics), issuer: yaml.string("issuer", &diagnostics),
                        number: yaml.string("number", &diagnostics))
    }
}
