/// The style and the locale it renders in, held once per processor and referred to by
/// documents and renderers (copying the style struct retains every one of its parts).
final class StyleContext: Sendable {
    let style: CSLStyle
    let locale: ResolvedLocale
    let quotes: CSLQuotes

    init(style: CSLStyle, locale: ResolvedLocale, quotes: CSLQuotes) {
        self.style = style
        self.locale = locale
        self.quotes = quotes
    }
}
