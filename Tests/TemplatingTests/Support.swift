import Templating

/// Registers `template` as "main" (and the partials), renders "main".
func render(_ template: String, _ context: TemplateValue = [:], partials: [String: String] = [:]) throws -> String? {
    var library = TemplateLibrary()
    for (name, source) in partials { try library.register(source, named: name) }
    try library.register(template, named: "main")
    return library.render("main", context)
}

/// The error registering `template` throws, or nil.
func syntaxError(_ template: String) -> TemplateSyntaxError? {
    var library = TemplateLibrary()
    do {
        try library.register(template, named: "main")
        return nil
    } catch {
        return error
    }
}
