import Foundation
import Glibc
import Testing

/// careerplan.conf beside the program: where the data file is for every
/// account (no login shell's environment needed), and a plain refusal of a
/// line it does not understand.
@Suite(.serialized) final class ConfigurationEndToEndTests {
    let work: Workspace
    let binary: String
    let conf: String
    let dataFile: String

    init() throws {
        work = try Workspace("careerplan-conf")
        let built = (work.binary as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: work.dir + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: work.dir + "/etc", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: work.dir + "/data", withIntermediateDirectories: true)
        binary = work.dir + "/bin/careerplan"
        // Copied by another process: a descriptor open for writing in this one could be inherited by a
        // test spawning meanwhile, and executing the copy would then fail with "text file busy".
        try #require(try TmuxSession.runWithStatus("/bin/cp", [work.binary, binary]).status == 0)
        try FileManager.default.copyItem(atPath: built + "/careerplan_Store.resources", toPath: work.dir + "/bin/careerplan_Store.resources")
        conf = work.dir + "/etc/careerplan.conf"
        dataFile = work.dir + "/data/caseload.sqlite"
    }

    func write(_ text: String) throws { try text.write(toFile: conf, atomically: true, encoding: .utf8) }

    @Test func theConfiguredDataFileIsEveryonesDefault() throws {
        let group = String(cString: getgrgid(getegid()).pointee.gr_name)
        try write("# the center\ndata-file = \(dataFile)   # shared\ngroup = \(group)\ntime-zone = America/Chicago\n")
        let made = try TmuxSession.runWithStatus(binary, ["init"])
        #expect(made.status == 0 && made.output.contains("created \(dataFile) (shared with group \(group), mode 660)"), "\(made.output)")
        var s = stat()
        #expect(stat(dataFile, &s) == 0 && s.st_mode & 0o777 == 0o660)
        let list = try TmuxSession.runWithStatus(binary, ["staff", "list"])
        #expect(list.status == 0 && list.output.contains("administrator"), "\(list.output)")
        // --db still names another file, which must exist.
        let other = try TmuxSession.runWithStatus(binary, ["staff", "list", "--db", work.dir + "/typo.sqlite"])
        #expect(other.status != 0 && other.output.contains("no careerplan data file at \(work.dir)/typo.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: work.dir + "/typo.sqlite"))
    }

    @Test func aLineItDoesNotUnderstandStopsItPlainly() throws {
        for (text, message) in [("datafile = /x\n", "line 1: unknown key \"datafile\" (keys: data-file, group, time-zone)"),
                                ("data-file = relative.sqlite\n", "line 1: data-file must be an absolute path"),
                                ("\ntime-zone = Mars/Olympus\n", "line 2: unknown time zone \"Mars/Olympus\""),
                                ("group\n", "line 1: expected key = value")] {
            try write(text)
            let (out, status) = try TmuxSession.runWithStatus(binary, ["staff", "list"])
            #expect(status != 0 && out.contains(conf + " " + message), "\(text): \(out)")
        }
    }

    /// How planners start it is read without the argument parser (start-up): `--db PATH`, `--db=PATH`,
    /// `--theme NAME`; anything else still goes through the parser, with its messages.
    @Test func theCaseloadsUsualArgumentsAndTheRest() throws {
        let file = work.dir + "/usual.sqlite"
        let seeded = try TmuxSession.runWithStatus(binary, ["seed", "--db", file, "--customers", "12", "--today", demoDay])
        try #require(seeded.status == 0, "\(seeded.output)")
        let tmux = try TmuxSession(dir: work.dir, command: [binary, "--db=" + file])
        #expect(try tmux.waitFor(text: "1/12").contains("Next due"))
        let theme = try TmuxSession.runWithStatus(binary, ["--theme", "nosuch", "--db", file])
        #expect(theme.status != 0 && theme.output.contains("no theme named 'nosuch'"), "\(theme.output)")
        let missing = try TmuxSession.runWithStatus(binary, ["--db"])
        #expect(missing.status != 0 && missing.output.contains("Missing value for '--db <PATH>'"), "\(missing.output)")
        let unknown = try TmuxSession.runWithStatus(binary, ["--db", file, "--bogus"])
        #expect(unknown.status != 0 && unknown.output.contains("Unknown option '--bogus'"), "\(unknown.output)")
    }

    /// The services matrix is read after the first screen is painted (start-up); a malformed one still
    /// stops the program before any key is read, the terminal given back and the entry named.
    @Test func aMalformedServicesMatrixStopsTheProgramWithItsEntryNamed() throws {
        let file = work.dir + "/matrix.sqlite"
        let seeded = try TmuxSession.runWithStatus(binary, ["seed", "--db", file, "--customers", "12", "--today", demoDay])
        try #require(seeded.status == 0, "\(seeded.output)")
        // The first open of a day runs the automatic exits, which read the matrix before the first paint.
        do {
            let opened = try TmuxSession(dir: work.dir, command: [binary, "--db", file])
            try opened.waitFor(text: "1/12")
            try opened.send("q")
            #expect(opened.waitForExit() == 0)
        }
        let path = work.dir + "/bin/careerplan_Store.resources/services-matrix.json"
        let shipped = try String(contentsOfFile: path, encoding: .utf8)
        // The first service's id emptied.
        let firstID = try #require(shipped.range(of: "\"id\": \""))
        let end = try #require(shipped[firstID.upperBound...].firstIndex(of: "\""))
        try (shipped[..<firstID.upperBound] + shipped[end...]).write(toFile: path, atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(dir: work.dir, command: [binary, "--db", file])
        #expect(tmux.waitForExit() == 1)
        try tmux.waitFor(text: "Error: services matrix: services[0] ().id: empty or used twice", scrollback: 50)
        try shipped.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// NO_COLOR asks for less color, never for a theme file: a copy of the
    /// program with no themes anywhere near it still opens, in monochrome.
    @Test func noColorWithoutThemeFilesStillRuns() throws {
        let tmux = try TmuxSession(dir: work.dir, command: ["env", "NO_COLOR=1", binary, "demo", "--today", demoDay, "--db", work.dir + "/demo.sqlite"])
        let screen = try tmux.waitFor(text: "1/48")
        #expect(screen.contains("Next due"))
        let named = try TmuxSession.runWithStatus(binary, ["demo", "--today", demoDay, "--db", work.dir + "/demo.sqlite", "--theme", "nosuch"])
        #expect(named.status != 0 && named.output.contains("no theme named 'nosuch' in \(work.dir)/bin/themes"), "\(named.output)")
    }
}
