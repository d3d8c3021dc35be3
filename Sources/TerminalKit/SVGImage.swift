/// A canvas as an SVG image in a theme: a monospace grid on a dark
/// terminal background, each run of same-styled cells one <text> stretched
/// to exactly its cells, so box drawing lines up and a wide character
/// takes its two cells whatever the viewer's font. Same canvas and theme,
/// same bytes: screenshots are compared in tests.
public enum SVGImage {
    static let cellWidth = 9
    static let cellHeight = 18
    static let defaultForeground = "#d4d4d4"
    static let defaultBackground = "#1e1e1e"

    /// The xterm palette most terminals start from.
    static func hex(_ color: Theme.Color) -> String? {
        switch color {
        case .default: nil
        case .black: "#000000"
        case .red: "#cd3131"
        case .green: "#0dbc79"
        case .yellow: "#e5e510"
        case .blue: "#2472c8"
        case .magenta: "#bc3fbc"
        case .cyan: "#11a8cd"
        case .white: "#e5e5e5"
        case .brightBlack: "#767676"
        case .brightRed: "#f14c4c"
        case .brightGreen: "#23d18b"
        case .brightYellow: "#f5f543"
        case .brightBlue: "#3b8eea"
        case .brightMagenta: "#d670d6"
        case .brightCyan: "#29b8db"
        case .brightWhite: "#ffffff"
        }
    }

    /// Foreground and background of a style, reverse video applied.
    static func colors(_ style: Theme.Style) -> (fg: String, bg: String) {
        let fg = hex(style.foreground) ?? defaultForeground
        let bg = hex(style.background) ?? defaultBackground
        return style.attributes.contains(.reverse) ? (bg, fg) : (fg, bg)
    }

    public static func render(_ canvas: Canvas, theme: Theme) -> String {
        let (w, h) = (canvas.width * cellWidth, canvas.height * cellHeight)
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(w)" height="\(h)" viewBox="0 0 \(w) \(h)">
            <rect width="\(w)" height="\(h)" fill="\(defaultBackground)"/>
            <g font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="15" xml:space="preserve">

            """
        for row in 0..<canvas.height {
            for run in runs(canvas, row: row) {
                let style = theme.style(run.role)
                let (fg, bg) = colors(style)
                let x = run.col * cellWidth, y = row * cellHeight, width = run.cells * cellWidth
                if bg != defaultBackground {
                    out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(cellHeight)\" fill=\"\(bg)\"/>\n"
                }
                guard run.text.contains(where: { $0 != " " }) else { continue }
                var attributes = "x=\"\(x)\" y=\"\(y + cellHeight - 5)\" fill=\"\(fg)\" textLength=\"\(width)\" lengthAdjust=\"spacingAndGlyphs\""
                if style.attributes.contains(.bold) { attributes += " font-weight=\"bold\"" }
                if style.attributes.contains(.underline) { attributes += " text-decoration=\"underline\"" }
                if style.attributes.contains(.dim) { attributes += " fill-opacity=\"0.6\"" }
                out += "<text \(attributes)>\(escaped(run.text))</text>\n"
            }
        }
        return out + "</g>\n</svg>\n"
    }

    struct Run { var col: Int; var cells: Int; var text: String; var role: StyleRole }

    /// Cells of one row grouped by role; a wide character's second cell joins its first.
    static func runs(_ canvas: Canvas, row: Int) -> [Run] {
        var runs: [Run] = []
        for col in 0..<canvas.width {
            let cell = canvas[row, col]
            if var last = runs.last, last.role == cell.role {
                last.cells += 1
                last.text += cell.text
                runs[runs.count - 1] = last
            } else {
                runs.append(Run(col: col, cells: 1, text: cell.text, role: cell.role))
            }
        }
        return runs
    }

    /// XML text: the five special characters escaped (the canvas holds no control characters).
    static func escaped(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(ch)
            }
        }
        return out
    }
}
