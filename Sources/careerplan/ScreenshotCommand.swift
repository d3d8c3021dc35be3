import App
import Showcase
import ArgumentParser
import Domain
import Foundation
import Store
import TerminalKit

extension Screenshot: ExpressibleByArgument {}

struct ScreenshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screenshot",
        abstract: "Draw one screen into an SVG image, on demo data, without a terminal.",
        discussion: """
            Without --db the screen is drawn on a fresh demo caseload as of \(Screenshot.day), \
            signed in as \(Screenshot.login), so the same program always draws the same image. \
            With --db it is drawn on that file, as you, today. scripts/screenshots makes screenshots/.
            """
    )

    @Argument(help: ArgumentHelp("The screen to draw.", valueName: "SCREEN"))
    var screen: Screenshot
    @Option(help: ArgumentHelp("Terminal size.", valueName: "COLSxROWS")) var size = "100x30"
    @OptionGroup var theme: ThemeOption
    @Option(help: ArgumentHelp("The image to write.", valueName: "FILE.svg")) var out: String
    @Option(name: .customLong("db"), help: ArgumentHelp("Draw on this data file instead of demo data.", valueName: "PATH"))
    var path: String?

    func run() throws {
        if path == nil { Privilege.dropForGood() }
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, (40...400).contains(parts[0]), (10...200).contains(parts[1]) else {
            throw ValidationFailure("--size must be COLSxROWS, e.g. 100x30 (40-400 columns, 10-200 rows)")
        }
        let theme = try theme.load()
        let shot: (canvas: Canvas, title: String, keys: [KeyBinding])
        if let path {
            let store = try DataFileOption.open(path: path, mode: .existing)
            defer { try? store.close() }
            _ = try DataFileOption.signIn(store)
            shot = try screen.take(store: store, login: LocalContext.account().login, today: LocalContext.today(),
                                   width: parts[0], height: parts[1], fileLabel: (path as NSString).lastPathComponent)
        } else {
            shot = try Screenshot.withDemoStore { try screen.take(onDemo: $0, width: parts[0], height: parts[1]) }
        }
        try UserFile.create(out, contents: Data(SVGImage.render(shot.canvas, theme: theme).utf8), dataFile: path)
        print("\(out): \(screen.rawValue) (\(shot.title)) at \(parts[0])x\(parts[1]), theme \(theme.name)")
    }
}
