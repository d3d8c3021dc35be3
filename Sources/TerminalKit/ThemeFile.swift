import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads theme files: one `role = foreground [on background] [attributes]`
/// per line, `#` comments. A plain format of our own rather than TOML: it is
/// one line per role, and every mistake can name its file and line.
public enum ThemeFile {
    public struct Problem: Error, CustomStringConvertible, Equatable {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
    }

    public static func parse(_ text: String, file: String, name: String) throws -> Theme {
        var styles: [StyleRole: Theme.Style] = [:]
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            func problem(_ message: String) -> Problem { Problem(file: file, line: number, message: message) }
            let content = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let line = content.trimmingBlanks
            if line.isEmpty { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map(\.trimmingBlanks)
            guard parts.count == 2 else { throw problem("expected `role = color [on color] [attributes]`") }
            guard let role = StyleRole(rawValue: parts[0]) else {
                throw problem("unknown key '\(parts[0])'; keys are: "
                              + StyleRole.allCases.map(\.rawValue).joined(separator: ", "))
            }
            styles[role] = try style(parts[1], problem: problem)
        }
        return Theme(name: name, styles: styles)
    }

    private static func style(_ value: String, problem: (String) -> Problem) throws -> Theme.Style {
        var style = Theme.Style()
        var words = value.split(separator: " ").map(String.init)[...]
        func color(_ word: String) throws -> Theme.Color {
            guard let c = Theme.Color(rawValue: word) else {
                throw problem("unknown color '\(word)'; colors are: "
                              + Theme.Color.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return c
        }
        if let first = words.first, Theme.Attribute(rawValue: first) == nil, first != "on" {
            style.foreground = try color(first)
            words = words.dropFirst()
        }
        while let word = words.popFirst() {
            if word == "on" {
                guard let bg = words.popFirst() else { throw problem("'on' needs a background color") }
                style.background = try color(bg)
            } else if let attribute = Theme.Attribute(rawValue: word) {
                style.attributes.insert(attribute)
            } else {
                throw problem("unknown attribute '\(word)'; attributes are: "
                              + Theme.Attribute.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
        return style
    }

    /// Finds a theme by name (or path): `$CAREERPLAN_THEMES`, then a themes/
    /// directory beside or above the executable, then the shared install
    /// directory. The default theme falls back to the built-in one.
    public static func load(_ nameOrPath: String, environment: [String: String],
                            executable: String) throws -> Theme {
        if nameOrPath.contains("/") {
            return try read(path: nameOrPath)
        }
        let dirs = searchDirectories(environment: environment, executable: executable)
        for dir in dirs {
            let path = dir + "/" + nameOrPath + ".theme"
            var info = stat()
            if stat(path, &info) == 0 { return try read(path: path) }
        }
        if nameOrPath == "default" { return .builtIn }
        throw Problem(file: nameOrPath, line: 0, message: "no theme named '\(nameOrPath)' in " + dirs.joined(separator: ", "))
    }

    /// Read with open(2) and read(2): FileManager's first use, on the way to the first screen, cost more than
    /// the file's few hundred bytes.
    static func read(path: String) throws -> Theme {
        guard let bytes = contents(of: path), let text = String(validating: bytes, as: UTF8.self) else {
            throw Problem(file: path, line: 0, message: "cannot read the theme file")
        }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return try parse(text, file: path, name: name)
    }

    /// A regular file's bytes (a theme is small: a larger file is refused), or nil. Opened without waiting,
    /// so a named pipe given as the theme is refused instead of holding the program until someone writes.
    private static func contents(of path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= 1 << 20 else { return nil }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { return nil }
            if n == 0 { return bytes }
            bytes += chunk[0..<n]
        }
    }

    public static func searchDirectories(environment: [String: String], executable: String) -> [String] {
        var dirs: [String] = []
        if let dir = environment["CAREERPLAN_THEMES"], !dir.isEmpty { dirs.append(dir) }
        var dir = (executable as NSString).deletingLastPathComponent
        // Beside the binary in a checkout (.build/debug/../../themes), or
        // PREFIX/share/careerplan/themes wherever make install PREFIX=… put it.
        for _ in 0..<5 where !dir.isEmpty && dir != "/" {
            dirs.append(dir + "/themes")
            dirs.append(dir + "/share/careerplan/themes")
            dir = (dir as NSString).deletingLastPathComponent
        }
        dirs.append("/usr/local/share/careerplan/themes")
        dirs.append("/usr/share/careerplan/themes")
        return dirs
    }
}

extension Substring {
    /// Without the spaces and tabs around it: what a theme line may pad with. (Foundation's
    /// `trimmingCharacters(in: .whitespaces)` made a character set on the way to the first screen.)
    var trimmingBlanks: String {
        let bytes = utf8
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
        while start < end {
            let last = bytes.index(before: end)
            guard bytes[last] == 0x20 || bytes[last] == 0x09 else { break }
            end = last
        }
        return String(self[start..<end])
    }
}
