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
        // The first account to use a new file administers it.
        var (out, status) = try TmuxSession.runWithStatus(binary, ["staff", "add", "kpatel", "--name", "Kiran Patel",
                                                                  "--role", "planner", "--db", db])
        #expect(status == 0 && out.contains("added kpatel (Kiran Patel) as Career planner"))
        (out, status) = try TmuxSession.runWithStatus(binary, ["staff", "set-role", "kpatel", "supervisor", "--db", db])
        #expect(status == 0 && out.contains("kpatel is now Supervisor"))
        (out, status) = try TmuxSession.runWithStatus(binary, ["staff", "list", "--db", db])
        #expect(status == 0 && out.contains("kpatel") && out.contains("supervisor") && out.contains("administrator"))
        (out, status) = try TmuxSession.runWithStatus(binary, ["staff", "add", "x y", "--name", "X", "--role", "boss", "--db", db])
        #expect(status != 0 && out.contains("--role must be one of: front-desk, planner, supervisor, administrator"))
    }

    @Test func anAccountNotOnTheStaffListIsToldWhoCanAddIt() throws {
        // A file whose staff list does not hold the account running the test.
        let seeded = dir + "/seeded.sqlite"
        try TmuxSession.run(binary, ["seed", "--db", seeded, "--customers", "3"])
        let export = try TmuxSession.run(binary, ["export", "--db", seeded])
        var json = try JSONSerialization.jsonObject(with: Data(export.utf8)) as! [String: Any]
        let staff = (json["staff"] as! [[String: Any]]).filter { $0["role"] as? String != "administrator" }
        json["staff"] = staff + [["login": "boss", "name": "Bea Boss", "initials": "BB", "role": "administrator"]]
        let file = dir + "/other.json"
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: file))
        let other = dir + "/other.sqlite"
        try TmuxSession.run(binary, ["import", file, "--db", other])
        let (out, status) = try TmuxSession.runWithStatus(binary, ["--db", other])
        #expect(status != 0)
        #expect(out.contains("is not on the staff list of \(other)"))
        #expect(out.contains("Ask an administrator (boss (Bea Boss)) to run:"))
        #expect(out.contains("careerplan staff add"))
    }
}
