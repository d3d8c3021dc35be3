import Foundation

/// A script's statements one by one: the client sends each as its own
/// statement (the extended protocol takes one at a time). Semicolons inside
/// quotes, quoted names, dollar-quoted function bodies and comments do not
/// end a statement.
enum SQLScript {
    static func statements(_ script: String) -> [String] {
        var out: [String] = []
        var current = ""
        var chars = Array(script)
        var i = 0
        func flush() {
            let s = current.trimmingCharacters(in: .whitespacesAndNewlines)
            if !s.isEmpty { out.append(s) }
            current = ""
        }
        while i < chars.count {
            let c = chars[i]
            if c == "-", i + 1 < chars.count, chars[i + 1] == "-" {           // a comment to the line's end
                while i < chars.count, chars[i] != "\n" { i += 1 }
                continue
            }
            if c == "'" || c == "\"" {                                         // a string or a quoted name
                current.append(c)
                i += 1
                while i < chars.count {
                    current.append(chars[i])
                    if chars[i] == c {
                        if i + 1 < chars.count, chars[i + 1] == c { current.append(chars[i + 1]); i += 2; continue }
                        break
                    }
                    i += 1
                }
                i += 1
                continue
            }
            if c == "$", let tag = dollarTag(chars, at: i) {                   // $$ … $$ or $body$ … $body$
                let tagChars = Array(tag)
                current += tag
                i += tagChars.count
                while i < chars.count, !(chars[i] == "$" && Array(chars[i..<min(chars.count, i + tagChars.count)]) == tagChars) {
                    current.append(chars[i])
                    i += 1
                }
                current += tag
                i += tagChars.count
                continue
            }
            if c == ";" { flush(); i += 1; continue }
            current.append(c)
            i += 1
        }
        flush()
        chars.removeAll()
        return out
    }

    /// "$$" or "$name$" starting at `i`, if one does.
    private static func dollarTag(_ chars: [Character], at i: Int) -> String? {
        var j = i + 1
        while j < chars.count, chars[j] == "_" || chars[j].isLetter || (j > i + 1 && chars[j].isNumber) { j += 1 }
        guard j < chars.count, chars[j] == "$" else { return nil }
        return String(chars[i...j])
    }
}
