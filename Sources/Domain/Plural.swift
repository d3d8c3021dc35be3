/// "1 note", "3 notes", "1 late entry", "2 late entries": counts in words
/// a person reads without stumbling.
public enum Plural {
    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }
}
