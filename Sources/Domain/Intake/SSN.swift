/// Full Social Security numbers are never stored (POLICY.md section 5;
/// PIRL 100): at most the last four digits.
public enum SSN {
    /// True when the text holds nine digits that read as one number: "123456789",
    /// "123-45-6789", "123 45 6789". Longer digit runs (phone numbers with
    /// area codes are ten) are not SSNs.
    public static func containsFull(_ text: String) -> Bool {
        var run = 0
        var separators = 0
        var previous: Character = " "
        for ch in text + " " {
            if ch.isASCII && ch.isNumber {
                run += 1
            } else if (ch == "-" || ch == " ") && run > 0 && previous.isNumber && separators < 2
                        && (run == 3 || run == 5) {
                separators += 1
            } else {
                if run == 9 && (separators == 0 || separators == 2) { return true }
                run = 0
                separators = 0
            }
            previous = ch
        }
        return false
    }

    /// Four digits exactly.
    public static func isLast4(_ text: String) -> Bool {
        text.count == 4 && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
