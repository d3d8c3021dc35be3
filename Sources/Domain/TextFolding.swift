import Foundation

extension String {
    /// Lower case without accents: "José Núñez" -> "jose nunez", "Øystein
    /// Łukasz" -> "oystein lukasz". Used to sort and search names the way a
    /// person would type them on a US keyboard.
    public var folded: String {
        let base = folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        guard base.unicodeScalars.contains(where: { Self.letters[$0] != nil }) else { return base }
        var out = ""
        for scalar in base.unicodeScalars {
            if let plain = Self.letters[scalar] { out += plain } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Letters that are not a base letter plus an accent, so folding keeps them.
    private static let letters: [Unicode.Scalar: String] = [
        "ø": "o", "ł": "l", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i", "ħ": "h",
    ]
}
