/// Mustache templates by name, rendered over `TemplateValue`s.
///
/// Rendering matches swift-mustache 2.1.1 byte for byte (what the theme was written against):
/// - `{{x}}` escapes `<` `>` `&` `"` `'`; `{{{x}}}` and `{{& x}}` do not. Numbers print in decimal, yes/no as
///   `true`/`false`; lists and objects print nothing (swift-mustache prints Swift's debug description).
/// - Sections: a list repeats per item (an empty list shows nothing); `true` shows once in the same context,
///   `false` never; text (even empty), numbers (even 0) and objects (even empty) show once with the value on
///   top of the stack. Inverted sections show for a missing name, `false` and an empty list only.
/// - `a.b.c`: `a` is looked up from the top of the context stack down, `b` and `c` only in what was found;
///   `.a` only in the top; `.` is the top itself.
/// - Partials `{{> name}}` (a missing one renders nothing), with swift-mustache's indentation for standalone ones;
///   parents `{{< name}}{{$block}}…{{/block}}{{/name}}`, the outermost override winning; set delimiters;
///   `{{% CONTENT_TYPE: TEXT}}`; the transforms listed on `Transform`.
public struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]

    public init() {}

    /// Parses and registers a template; throws TemplateSyntaxError with 1-based line and column.
    public mutating func register(_ source: String, named name: String) throws(TemplateSyntaxError) {
        templates[name] = try TemplateParser.parse(source)
    }

    public func has(_ name: String) -> Bool { templates[name] != nil }

    /// nil when there is no template of that name.
    public func render(_ name: String, _ context: TemplateValue) -> String? {
        guard let template = templates[name] else { return nil }
        var renderer = Renderer(templates: templates, root: context)
        renderer.render(template, Renderer.Scope())
        return renderer.output
    }
}
