import App
import Showcase
import Domain
import Foundation
import Store
import Testing
import TerminalKit

/// screenshots/ and the README's key reference are what the program draws
/// now: made again here and compared byte for byte (scripts/screenshots, or
/// CAREERPLAN_UPDATE_GOLDEN=1, remakes them).
@Suite(.serialized) final class ScreenshotTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    let dir = NSTemporaryDirectory() + "careerplan-shots-" + UUID().uuidString
    let store: CaseloadStore

    init() throws {
        store = try Screenshot.demoStore(at: dir + "/demo.sqlite")
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    func theme(_ name: String) throws -> Theme {
        try ThemeFile.load(Self.root + "/themes/\(name).theme", environment: [:], executable: "")
    }

    func take(_ shot: Screenshot) throws -> (canvas: Canvas, title: String, keys: [KeyBinding]) {
        try shot.take(onDemo: store)
    }

    func expectCommitted(_ file: String, _ made: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = Self.root + "/" + file
        if ProcessInfo.processInfo.environment["CAREERPLAN_UPDATE_GOLDEN"] != nil {
            try made.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOfFile: path, encoding: .utf8)
        #expect(committed == made, "\(file) is out of date: run scripts/screenshots", sourceLocation: sourceLocation)
    }

    @Test func everyScreenshotIsWhatTheProgramDrawsNow() throws {
        let standard = try theme("default")
        for shot in Screenshot.allCases {
            let taken = try take(shot)
            // Each reaches its own screen, not the caseload by a wrong key.
            #expect(shot == .caseload || taken.title != "Caseload", "\(shot) did not leave the caseload")
            try expectCommitted("screenshots/\(shot.rawValue).svg", SVGImage.render(taken.canvas, theme: standard))
        }
        try expectCommitted("screenshots/plan-monochrome.svg", SVGImage.render(try take(.plan).canvas, theme: try theme("monochrome")))
        let script = try String(contentsOfFile: Self.root + "/scripts/screenshots", encoding: .utf8)
        #expect(script.contains(Screenshot.allCases.map(\.rawValue).joined(separator: " ")))
    }

    @Test func theREADMEKeyReferenceIsTheKeyTables() throws {
        let reference = try Screenshot.keyReference(onDemo: store)
        let readme = try String(contentsOfFile: Self.root + "/README.md", encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- keys:begin -->\n")), end = try #require(readme.range(of: "<!-- keys:end -->"))
        var updated = readme
        updated.replaceSubrange(begin.upperBound..<end.lowerBound, with: reference)
        try expectCommitted("README.md", updated)
        #expect(reference.contains("| `Ctrl-S/F2` |") && reference.contains("#### Career Plan"))
    }

    @Test func theImageIsTheGridInTheThemesColors() throws {
        var canvas = Canvas(width: 6, height: 2)
        canvas.put("a<b", row: 0, col: 0, role: .title)
        canvas.put("王x", row: 1, col: 1, role: .overdue)
        let svg = SVGImage.render(canvas, theme: try theme("default"))
        // title = white on blue bold: a blue cell run, then the escaped text stretched over its cells.
        #expect(svg.contains("<rect x=\"0\" y=\"0\" width=\"27\" height=\"18\" fill=\"#2472c8\"/>"))
        #expect(svg.contains(">a&lt;b</text>") && svg.contains("font-weight=\"bold\""))
        // The wide character takes two cells: its run with "x" is three cells wide, in red.
        #expect(svg.contains("x=\"9\" y=\"31\" fill=\"#cd3131\" textLength=\"27\""))
        let mono = SVGImage.render(canvas, theme: try theme("monochrome"))
        #expect(!mono.contains("#2472c8"))
    }
}
