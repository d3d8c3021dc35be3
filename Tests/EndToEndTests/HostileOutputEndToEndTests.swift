import Foundation
import Testing

/// A customer and a staff member whose names hold terminal escapes (ESC ]0;
/// retitles a terminal, CSI in C1, a bidi override) go through every
/// command's output: no raw control byte reaches whoever reads it.
@Suite(.serialized) final class HostileOutputEndToEndTests {
    let work: Workspace
    var binary: String { work.binary }
    var dir: String { work.dir }
    let db: String
    static let hostile = "Zoë\u{1b}]0;owned\u{07}\u{9b}31m\u{202e}evil"

    init() throws {
        work = try Workspace("careerplan-hostile")
        let seeded = work.dir + "/seeded.sqlite"
        try TmuxSession.run(work.binary, ["seed", "--db", seeded, "--customers", "20", "--today", "2026-11-23"])
        var json = try JSONSerialization.jsonObject(with: Data(try TmuxSession.run(work.binary, ["export", "--db", seeded]).utf8)) as! [String: Any]
        json["customers"] = (json["customers"] as! [[String: Any]]).map { c in
            var c = c
            if c["id"] as? String == "C000016" { c["legalName"] = Self.hostile + " Núñez" }
            return c
        }
        json["staff"] = (json["staff"] as! [[String: Any]]).map { s in
            var s = s
            if s["login"] as? String == "mrivera" { s["name"] = Self.hostile + " Rivera" }
            return s
        }
        let file = work.dir + "/hostile.json"
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: file))
        db = work.dir + "/hostile.sqlite"
        try TmuxSession.run(work.binary, ["init", "--db", db])
        let (out, status) = try TmuxSession.runWithStatus(work.binary, ["import", file, "--db", db])
        try #require(status == 0, "\(out)")
    }

    static func rawControls(_ text: String) -> [String] {
        text.unicodeScalars.filter { s in
            (s.value < 0x20 && s != "\n" && s != "\t") || (0x7F...0x9F).contains(s.value) || s.value == 0x202E
        }.map { "U+" + String($0.value, radix: 16) }
    }

    @Test func everyCommandsOutputIsTerminalSafe() throws {
        let runs: [[String]] = [
            ["report", "deadlines", "--as-of", "2026-11-23", "--format", "text"],
            ["report", "deadlines", "--as-of", "2026-11-23", "--format", "csv"],
            ["report", "deadlines", "--as-of", "2026-11-23", "--format", "json"],
            ["report", "quality", "--as-of", "2026-11-23", "--format", "text"],
            ["report", "quality", "--as-of", "2026-11-23", "--format", "csv"],
            ["report", "quality", "--as-of", "2026-11-23", "--format", "json"],
            ["plan", "C000016", "--format", "text"], ["plan", "C000016", "--format", "md"], ["plan", "C000016", "--format", "html"],
            ["staff", "list"], ["export"], ["audit", "C000016"], ["audit", "C000016", "--format", "json"],
        ]
        var sawName = 0
        for args in runs {
            let (out, status) = try TmuxSession.runWithStatus(binary, args + ["--db", db])
            #expect(status == 0, "careerplan \(args.joined(separator: " ")): \(out.prefix(300))")
            #expect(Self.rawControls(out).isEmpty, "careerplan \(args.joined(separator: " ")) printed \(Self.rawControls(out))")
            if out.contains("owned") { sawName += 1 }
        }
        #expect(sawName >= 8, "the hostile name appears (escaped) in the outputs")
        // JSON keeps the exact name: escaped, not changed.
        let export = try JSONSerialization.jsonObject(with: Data(try TmuxSession.run(binary, ["export", "--db", db]).utf8)) as! [String: Any]
        let names = (export["customers"] as! [[String: Any]]).compactMap { $0["legalName"] as? String }
        #expect(names.contains(Self.hostile + " Núñez"))
        // A copy written to a file is as safe as one printed.
        let file = dir + "/copy.md"
        try TmuxSession.run(binary, ["plan", "C000016", "--format", "md", "--out", file, "--db", db])
        #expect(Self.rawControls(try String(contentsOfFile: file, encoding: .utf8)).isEmpty)
    }
}
