import ScholiaModel
import ScholiaCore

/// The page served for everything while no build has ever succeeded: there is no last good content yet.
enum ErrorPage {
    static func html(errors: [Diagnostic], basePath: String, generation: Int) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Build failed · scholia serve</title></head>
        <body>
        \(ErrorList.html(errors))<p style="font:15px system-ui,sans-serif;padding:0 1.5em">No build of this site has succeeded yet.</p>
        \(PreviewInjection.script(basePath: basePath, generation: generation))</body>
        </html>

        """
    }
}
