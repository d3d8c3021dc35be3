/// The copy as plain text (a terminal, `careerplan plan`), Markdown, and
/// HTML laid out for letter paper: each heading kept with what follows it,
/// no lone lines at a page's top or foot, a step kept whole with its
/// services, the signatures kept on one page with the closing line, and
/// "page 1 of 2" at each page's foot (tested by printing with Chromium).
extension CustomerCopy {
    public var text: String {
        var out = ""
        for block in blocks {
            switch block {
            case .title(let t): out += t + "\n" + String(repeating: "=", count: t.count) + "\n\n"
            case .heading(let t): out += "\n" + Self.wrap(t, indent: "") + "\n" + String(repeating: "-", count: min(72, t.count)) + "\n"
            case .line(let t): out += Self.wrap(t, indent: "") + "\n"
            case .item(let level, let t): out += Self.wrap(t, indent: String(repeating: "  ", count: level + 1)) + "\n"
            case .signatureLine(let role, let name):
                // The line as long as 78 columns allow after the role and the date's own line.
                let line = max(16, 78 - role.count - 2 - 3 - words.date.count - 2 - 12)
                out += "\n\(role): \(Self.rule(line))   \(words.date): \(Self.rule(12))\n"
                out += (name.isEmpty ? "" : String(repeating: " ", count: role.count + 2) + name + "\n") + "\n"
            }
        }
        return out
    }

    public var markdown: String {
        var out = ""
        for block in blocks {
            switch block {
            case .title(let t): out += "# \(Self.md(t))\n\n"
            case .heading(let t): out += "\n## \(Self.md(t))\n\n"
            case .line(let t): out += Self.md(t) + "\n\n"
            case .item(let level, let t): out += String(repeating: "  ", count: level) + "- " + Self.md(t) + "\n"
            case .signatureLine(let role, let name):
                out += "\(Self.md(role)): " + Self.md(Self.rule(24)) + "  \(words.date): " + Self.md(Self.rule(10)) + "  \n"
                    + Self.md(name) + "\n\n"
            }
        }
        return out
    }

    public var html: String {
        var out = """
            <!DOCTYPE html>
            <html lang="\(language.code)">
            <head>
            <meta charset="utf-8">
            <title>\(Self.escape(words.title))</title>
            <style>
            @page {
              size: letter; margin: 0.75in 0.75in 0.9in;
              @bottom-center { content: "\(words.page.word) " counter(page) " \(words.page.of) " counter(pages); font: 10pt Georgia, serif; }
            }
            body { font-family: Georgia, "Times New Roman", serif; font-size: 11pt; line-height: 1.3; color: #000; margin: 0; }
            h1 { font-size: 18pt; margin: 0 0 0.4em; }
            h2 { font-size: 13pt; margin: 0.9em 0 0.3em; border-bottom: 1px solid #000; break-after: avoid; }
            p { margin: 0.2em 0; orphans: 3; widows: 3; }
            ul { margin: 0.2em 0 0.4em 1.2em; padding: 0; }
            li { orphans: 3; widows: 3; }
            section > ul > li { break-inside: avoid; }
            section.signatures { break-inside: avoid; }
            .sign { display: flex; gap: 1.5em; margin: 2.2em 0 1em; break-inside: avoid; }
            .sign .line { flex: 3; border-top: 1px solid #000; padding-top: 0.15em; }
            .sign .date { flex: 1; border-top: 1px solid #000; padding-top: 0.15em; }
            .small { font-size: 10pt; }
            </style>
            </head>
            <body>

            """
        // Nested lists sit inside their parent item, as HTML wants them.
        var depth = 0
        var inSection = false
        func close(to level: Int) {
            while depth > level { out += "</li>\n</ul>\n"; depth -= 1 }
        }
        for (i, block) in blocks.enumerated() {
            switch block {
            case .item(let level, let t):
                if depth > level + 1 { close(to: level + 1) }
                if depth == level + 1 { out += "</li>\n" }
                while depth < level + 1 { out += (depth == level ? "<ul>\n" : "<ul>\n<li>\n"); depth += 1 }
                out += "<li>\(Self.escape(t))"
            case .title(let t): close(to: 0); out += "<h1>\(Self.escape(t))</h1>\n"
            case .heading(let t):
                close(to: 0)
                if inSection { out += "</section>\n" }
                // The signatures and the closing line after them stay on one page.
                let isLast = !blocks[(i + 1)...].contains { if case .heading = $0 { true } else { false } }
                out += (isLast ? "<section class=\"signatures\">\n" : "<section>\n") + "<h2>\(Self.escape(t))</h2>\n"
                inSection = true
            case .line(let t): close(to: 0); out += "<p>\(Self.escape(t))</p>\n"
            case .signatureLine(let role, let name):
                close(to: 0)
                out += "<div class=\"sign\"><div class=\"line\">\(Self.escape(role))" + (name.isEmpty ? "" : " · " + Self.escape(name)) + "</div>"
                    + "<div class=\"date\">\(Self.escape(words.date))</div></div>\n"
            }
        }
        close(to: 0)
        if inSection { out += "</section>\n" }
        return out + "</body>\n</html>\n"
    }

    static func rule(_ n: Int) -> String { String(repeating: "_", count: n) }

    static func wrap(_ text: String, indent: String, width: Int = 78) -> String {
        var lines: [String] = []
        var line = indent
        for word in text.split(separator: " ") {
            if line.count > indent.count && line.count + 1 + word.count > width {
                lines.append(line)
                line = indent + "  "
            }
            line += (line.count > indent.count && !line.hasSuffix("  ") ? " " : "") + word
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func md(_ s: String) -> String {
        var out = ""
        for ch in s {
            if "\\`*_[]<>#|".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
