package enum ScholiaVersion {
    package static let current = "0.1.0"
}
