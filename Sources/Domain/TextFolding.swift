import Foundation

extension String {
    /// Lower case without accents: "José Núñez" -> "jose nunez". Used to
    /// compare names the way a person would.
    public var folded: String {
        folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
