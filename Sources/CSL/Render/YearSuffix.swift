enum YearSuffix {
    /// 1 → "a", 26 → "z", 27 → "aa", as citation processors conventionally letter them.
    static func letters(_ n: Int) -> String {
        var n = n
        var s = ""
        repeat {
            n -= 1
            s = String(UnicodeScalar(UInt8(97 + n % 26))) + s
            n /= 26
        } while n > 0
        return s
    }
}
