public enum ScholiaVersion {
    public static let current = "0.1.0"
}
