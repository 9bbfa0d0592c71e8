/// One localized term such as "editor" / "editors" or an ordinal suffix.
struct Term: Sendable {
    var single: String
    var multiple: String?
    /// Gender of the noun ("masculine"/"feminine"), used to pick gendered ordinals.
    var gender: String?
    /// For ordinal-NN terms: "last-digit", "last-two-digits" or "whole-number".
    var match: String?

    func text(plural: Bool) -> String { plural ? (multiple ?? single) : single }
}

struct TermKey: Hashable, Sendable {
    var name: String
    var form: TermForm
    /// `gender-form` of gendered ordinals; nil for ordinary terms.
    var genderForm: String?
}
