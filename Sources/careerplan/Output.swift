import Foundation
import TerminalKit

/// Everything careerplan prints goes through here: text from the data file
/// never reaches a terminal raw (a name holding ESC ]0; must not retitle the
/// terminal of whoever reads a report), whatever the format.
enum Output {
    /// Text, CSV, Markdown, HTML: control characters, C1 and bidi controls
    /// shown escaped, as the screens show them; line breaks and tabs kept.
    static func text(_ text: String) {
        FileHandle.standardOutput.write(Data(text.terminalSafeLines.utf8))
    }

    /// JSON: the encoder already writes C0 controls as \u escapes; C1, DEL
    /// and bidi controls (only ever inside strings) become \u escapes too,
    /// so the JSON means the same and prints safely.
    static func json(_ data: Data) {
        FileHandle.standardOutput.write(safeJSON(data))
    }

    static func safeJSON(_ data: Data) -> Data {
        let text = String(decoding: data, as: UTF8.self)
        guard text.unicodeScalars.contains(where: String.isUnsafe) else { return data }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            guard String.isUnsafe(s), s.value >= 0x20 else { out.append(s); continue }
            let hex = String(s.value, radix: 16, uppercase: true)
            out.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
        }
        return Data(String(out).utf8)
    }
}
