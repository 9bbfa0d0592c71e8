import Foundation
import ScholiaModel
import ScholiaLoad

/// `/favicon.ico`: browsers ask for it at the root of a site whatever the pages say (for a feed or a JSON
/// file opened directly, say), and a 404 there is a console error. The pages themselves link
/// `assets/favicon.svg`; this is the same pilcrow drawn in 16 × 16 pixels. A site's own
/// `Content/static/favicon.ico` takes its place.
enum Favicon {
    static let path = "favicon.ico"

    /// Top row first: `.` transparent, `a` the theme's accent colour, `W` white.
    private static let pixels = [
        ".aaaaaaaaaaaaaa.",
        "aaaaaaaaaaaaaaaa",
        "aaaaaaaaaaaaaaaa",
        "aaaaaaWWWWWWaaaa",
        "aaaaaWWWWWaWaaaa",
        "aaaaaWWWWWaWaaaa",
        "aaaaaWWWWWaWaaaa",
        "aaaaaWWWWWaWaaaa",
        "aaaaaaWWWWaWaaaa",
        "aaaaaaaaaWaWaaaa",
        "aaaaaaaaaWaWaaaa",
        "aaaaaaaaaWaWaaaa",
        "aaaaaaaaaWaWaaaa",
        "aaaaaaaaaWaWaaaa",
        "aaaaaaaaaaaaaaaa",
        ".aaaaaaaaaaaaaa.",
    ]

    /// An ICO file holding one 32-bit bitmap: the directory, a BITMAPINFOHEADER (height doubled, as ICO
    /// wants, for the mask), the pixels bottom row first in BGRA, then the 1-bit mask (1 = transparent).
    static let ico: Data = {
        let size = pixels.count
        let maskRowBytes = 4
        let imageBytes = 40 + size * size * 4 + size * maskRowBytes
        var data = Data()
        func u16(_ value: Int) { data.append(contentsOf: [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)]) }
        func u32(_ value: Int) { u16(value & 0xFFFF); u16(value >> 16 & 0xFFFF) }
        u16(0); u16(1); u16(1)
        data.append(contentsOf: [UInt8(size), UInt8(size), 0, 0])
        u16(1); u16(32); u32(imageBytes); u32(22)
        u32(40); u32(size); u32(size * 2); u16(1); u16(32); u32(0); u32(imageBytes - 40); u32(0); u32(0); u32(0); u32(0)
        let rows = pixels.reversed().map { Array($0.utf8) }
        for row in rows {
            for pixel in row {
                switch pixel {
                case UInt8(ascii: "a"): data.append(contentsOf: [0x0E, 0x2B, 0x8A, 0xFF])
                case UInt8(ascii: "W"): data.append(contentsOf: [0xFF, 0xFF, 0xFF, 0xFF])
                default: data.append(contentsOf: [0, 0, 0, 0])
                }
            }
        }
        for row in rows {
            var bits = 0
            for (column, pixel) in row.enumerated() where pixel == UInt8(ascii: ".") { bits |= 1 << (15 - column) }
            data.append(contentsOf: [UInt8(bits >> 8), UInt8(bits & 0xFF), 0, 0])
        }
        return data
    }()
}
