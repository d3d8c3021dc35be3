import Foundation
import Testing
@testable import TerminalKit

@Suite struct ThemeTests {
    static let repoThemes = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes").path

    @Test func parsesRolesColorsAndAttributes() throws {
        let theme = try ThemeFile.parse("""
            # comment
            title = white on blue bold   # trailing comment

            selected = reverse
            overdue = bright-red underline
            """, file: "t.theme", name: "t")
        #expect(theme.style(.title) == .init(foreground: .white, background: .blue, attributes: [.bold]))
        #expect(theme.style(.selected) == .init(attributes: [.reverse]))
        #expect(theme.style(.overdue).foreground == .brightRed)
        #expect(theme.style(.normal) == .init())
        #expect(Theme.Color.brightRed.number == 9)
        #expect(Theme.Color.default.number == -1)
    }

    @Test func aBadKeyNamesTheFileAndLine() {
        #expect(throws: ThemeFile.Problem.self) { try ThemeFile.parse("title = white\ntitel = red", file: "x.theme", name: "x") }
        do {
            _ = try ThemeFile.parse("title = white\ntitel = red", file: "x.theme", name: "x")
        } catch {
            #expect("\(error)".hasPrefix("x.theme:2: unknown key 'titel'"))
        }
    }

    @Test(arguments: [
        ("title = purple", "x.theme:1: unknown color 'purple'"),
        ("title = white on", "x.theme:1: 'on' needs a background color"),
        ("title = white blinking", "x.theme:1: unknown attribute 'blinking'"),
        ("title white", "x.theme:1: expected `role = color"),
    ])
    func aBadValueNamesTheFileAndLine(text: String, message: String) {
        do {
            _ = try ThemeFile.parse(text, file: "x.theme", name: "x")
            Issue.record("accepted \(text)")
        } catch {
            #expect("\(error)".hasPrefix(message))
        }
    }

    @Test(arguments: ["default", "high-contrast", "monochrome"])
    func shippedThemesLoadAndStyleEveryRole(name: String) throws {
        let theme = try ThemeFile.load(name, environment: ["CAREERPLAN_THEMES": Self.repoThemes],
                                       executable: "/nonexistent/careerplan")
        #expect(theme.name == name)
        for role in StyleRole.allCases { #expect(theme.styles[role] != nil, "\(name) lacks \(role)") }
    }

    @Test func monochromeUsesNoColorAndStillDistinguishesTheSelection() throws {
        let theme = try ThemeFile.load("monochrome", environment: ["CAREERPLAN_THEMES": Self.repoThemes],
                                       executable: "/nonexistent/careerplan")
        #expect(theme == theme.withoutColor)
        #expect(theme.style(.selected).attributes.contains(.reverse))
    }

    @Test func withoutColorABackgroundBecomesReverseVideo() throws {
        let theme = try ThemeFile.load("default", environment: ["CAREERPLAN_THEMES": Self.repoThemes],
                                       executable: "/nonexistent/careerplan").withoutColor
        #expect(theme.style(.selected) == .init(attributes: [.reverse]))
        #expect(theme.style(.title) == .init(attributes: [.reverse, .bold]))
        #expect(theme.style(.overdue) == .init(attributes: [.bold]))
    }

    @Test func anUnknownThemeSaysWhereItLooked() {
        do {
            _ = try ThemeFile.load("solarized", environment: [:], executable: "/opt/cp/bin/careerplan")
            Issue.record("found a theme that does not exist")
        } catch {
            #expect("\(error)".contains("no theme named 'solarized' in /opt/cp/bin/themes"))
        }
    }

    /// A theme named by path that is not a regular file is refused with the file named, at once: a named
    /// pipe no one writes to (it used to be opened and waited on), a directory, a missing file.
    @Test func aThemePathThatIsNoFileIsRefusedAtOnce() throws {
        let dir = NSTemporaryDirectory() + "themes-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/dir.theme", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(mkfifo(dir + "/pipe.theme", 0o600) == 0)
        for path in [dir + "/pipe.theme", dir + "/dir.theme", dir + "/missing.theme"] {
            #expect(throws: ThemeFile.Problem(file: path, line: 0, message: "cannot read the theme file")) {
                try ThemeFile.load(path, environment: [:], executable: "/opt/cp/bin/careerplan")
            }
        }
    }

    /// make install PREFIX=/opt/careerplan puts the binary in PREFIX/bin and the
    /// themes in PREFIX/share/careerplan/themes: found from the binary's place.
    @Test func themesAreFoundWhereverMakeInstallPutThem() throws {
        let prefix = NSTemporaryDirectory() + "careerplan-prefix-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        let themes = prefix + "/share/careerplan/themes"
        try FileManager.default.createDirectory(atPath: themes, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.repoThemes + "/high-contrast.theme", toPath: themes + "/high-contrast.theme")
        let theme = try ThemeFile.load("high-contrast", environment: [:], executable: prefix + "/bin/careerplan")
        #expect(theme.name == "high-contrast")
        #expect(ThemeFile.searchDirectories(environment: [:], executable: prefix + "/bin/careerplan").contains(themes))
    }
}
