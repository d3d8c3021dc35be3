import Foundation
import Testing

/// `careerplan staff` as the account running the tests, and an account
/// that is not on the staff list being turned away with who can add it.
@Suite(.serialized) final class StaffEndToEndTests {
    let work: Workspace
    var binary: String { work.binary }
    var dir: String { work.dir }

    init() throws {
        work = try Workspace("careerplan-staff")
    }

    @Test func anAdministratorManagesTheStaffList() throws {
        let db = dir + "/staff.sqlite"
        // No command but init makes a data file; whoever runs init administers it.
        var (out, status) = try TmuxSession.runWithStatus(binary, ["staff", "list", "--db", db])
        #expect(status != 0 && out.contains("no careerplan data file at \(db); create one with careerplan init"))
        #expect(!FileManager.default.fileExists(atPath: db))
        (out, status) = try TmuxSession.runWithStatus(binary, ["init", "--db", db])
        #expect(status == 0 && out.contains("created \(db) (readable by you only, mode 600)"))
        (out, status) = try TmuxSession.runWithStatus(binary, ["init", "--db", db])
        #expect(status != 0 && out.contains("already exists"))
        (out, status) = try TmuxSession.runWithStatus(binary, ["staff", "add", "kpatel", "--name", "Kiran Patel",
                                                                  "--role", "planner", "--db", db])
        #expect(status == 0 && out.contains("added kpatel (Kiran Patel) as Career planner"))
        (out, status) = try TmuxSession.runWithStatus(binary, ["staff", "set-role", "kpatel", "supervisor", "--db", db])
        #expect(status == 0 && out.contains("kpatel is now Supervisor"))
        (out, status) = try TmuxSession.runWithStatus(binary, ["staff", "list", "--db", db])
        #expect(status == 0 && out.contains("kpatel") && out.contains("supervisor") && out.contains("administrator"))
        // A planner covers another's caseload, then the cover is ended early.
        try TmuxSession.run(binary, ["staff", "add", "wchen", "--name", "Wei Chen", "--role", "planner", "--db", db])
        try TmuxSession.run(binary, ["staff", "add", "mrivera", "--name", "María Rivera", "--role", "planner", "--db", db])
        (out, status) = try TmuxSession.runWithStatus(binary, ["staff", "cover", "mrivera", "--for", "wchen", "--until", "2099-01-01",
                                                              "--reason", "Wei on leave", "--db", db])
        #expect(status != 0 && out.contains("cover for at most a year; hand the caseload over instead"))
        let until = Calendar.current.date(byAdding: .day, value: 14, to: Date())!
        let untilText = String(ISO8601DateFormatter.string(from: until, timeZone: .current, formatOptions: [.withFullDate]))
        (out, status) = try TmuxSession.runWithStatus(binary, ["staff", "cover", "mrivera", "--for", "wchen", "--until", untilText,
                                                              "--reason", "Wei on leave", "--db", db])
        #expect(status == 0 && out.contains("mrivera covers wchen's customers from"))
        (out, _) = try TmuxSession.runWithStatus(binary, ["staff", "list", "--db", db])
        #expect(out.contains("Covering:") && out.contains("mrivera covers wchen") && out.contains("to \(untilText): Wei on leave"))
        (out, status) = try TmuxSession.runWithStatus(binary, ["staff", "cover", "mrivera", "--for", "wchen", "--until", "today", "--db", db])
        #expect(status == 0 && out.contains("mrivera's cover of wchen now ends"))
        // Wei leaves: the list keeps him, marked.
        (out, status) = try TmuxSession.runWithStatus(binary, ["staff", "deactivate", "wchen", "--reason", "left the agency",
                                                              "--on", "11/30/2026", "--db", db])
        #expect(status == 0 && out.contains("wchen left on 2026-11-30; they no longer sign in, their records stay"), "\(out)")
        (out, _) = try TmuxSession.runWithStatus(binary, ["staff", "list", "--db", db])
        #expect(out.contains("Wei Chen (left 2026-11-30: left the agency)"), "\(out)")
        (out, status) = try TmuxSession.runWithStatus(binary, ["staff", "deactivate", "root", "--reason", "x", "--db", db])
        #expect(status != 0 && out.contains("you cannot deactivate yourself"), "\(out)")
        (out, status) = try TmuxSession.runWithStatus(binary, ["staff", "add", "x y", "--name", "X", "--role", "boss", "--db", db])
        #expect(status != 0 && out.contains("--role must be one of: front-desk, planner, supervisor, administrator"))
    }

    @Test(.enabled(if: getuid() == 0, "root names another account as administrator with init --admin"))
    func anAccountNotOnTheStaffListIsToldWhoCanAddIt() throws {
        // A file whose staff list does not hold the account running the test:
        // root makes it for another account, which alone administers it.
        let other = dir + "/other.sqlite"
        let (made, madeStatus) = try TmuxSession.runWithStatus(binary, ["init", "--db", other, "--admin", "nobody", "--name", "Bea Boss"])
        #expect(madeStatus == 0 && made.contains("administrator: nobody (Bea Boss)"), "\(made)")
        let (out, status) = try TmuxSession.runWithStatus(binary, ["--db", other])
        #expect(status != 0)
        #expect(out.contains("is not on the staff list of \(other)"))
        #expect(out.contains("Ask an administrator (nobody (Bea Boss)) to run:"))
        #expect(out.contains("careerplan staff add"))
    }
}
