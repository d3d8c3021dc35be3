/// How each style role looks. Loaded from a plain-text theme file (see
/// themes/README.md); colors are optional, attributes always apply, so a
/// monochrome terminal still shows every distinction.
public struct Theme: Equatable, Sendable {
    public enum Color: String, CaseIterable, Sendable {
        case `default`, black, red, green, yellow, blue, magenta, cyan, white
        case brightBlack = "bright-black", brightRed = "bright-red", brightGreen = "bright-green"
        case brightYellow = "bright-yellow", brightBlue = "bright-blue"
        case brightMagenta = "bright-magenta", brightCyan = "bright-cyan", brightWhite = "bright-white"

        /// The curses color number; -1 is the terminal's own default.
        public var number: Int32 {
            switch self {
            case .default: -1
            default: Int32(Self.allCases.firstIndex(of: self)! - 1)
            }
        }
    }

    public enum Attribute: String, CaseIterable, Sendable {
        case bold, underline, reverse, dim
    }

    public struct Style: Equatable, Sendable {
        public var foreground: Color = .default
        public var background: Color = .default
        public var attributes: Set<Attribute> = []

        public init(foreground: Color = .default, background: Color = .default,
                    attributes: Set<Attribute> = []) {
            self.foreground = foreground
            self.background = background
            self.attributes = attributes
        }
    }

    public var name: String
    public var styles: [StyleRole: Style]

    public init(name: String, styles: [StyleRole: Style]) {
        self.name = name
        self.styles = styles
    }

    public func style(_ role: StyleRole) -> Style { styles[role] ?? Style() }

    /// The same theme with every color dropped (NO_COLOR, monochrome
    /// terminals). A colored background becomes reverse video, so bars and
    /// the selected row still stand out.
    public var withoutColor: Theme {
        Theme(name: name, styles: styles.mapValues { style in
            var attributes = style.attributes
            if style.background != .default { attributes.insert(.reverse) }
            return Style(attributes: attributes)
        })
    }

    /// Used when no theme file can be found: attributes only, always legible.
    public static let builtIn = Theme(name: "built-in", styles: [
        .title: Style(attributes: [.reverse, .bold]),
        .header: Style(attributes: [.bold, .underline]),
        .selected: Style(attributes: [.reverse]),
        .dim: Style(attributes: [.dim]),
        .key: Style(attributes: [.reverse, .bold]),
        .overdue: Style(attributes: [.bold]),
        .dueSoon: Style(attributes: [.bold]),
        .error: Style(attributes: [.bold, .reverse]),
        .input: Style(attributes: [.underline]),
        .help: Style(),
    ])
}
