import Foundation
import Glibc
import Testing

/// The trust boundary on a real center install: staff accounts reach the
/// data only through careerplan, which checks each role on every command.
@Suite(.serialized, .enabled(if: CenterInstall.isRoot, "needs root: it makes operating-system accounts, groups and a set-group-ID program"))
final class TrustBoundaryTests {
    let center: CenterInstall
    let admin: String
    let planner: String
    let outsider: String

    init() throws {
        center = try CenterInstall()
        admin = try center.addAccount("adm")
        planner = try center.addAccount("pln")
        outsider = try center.addAccount("out")
        // Root makes the center's file for its administrator, as the README says.
        let made = try center.careerplan(as: "root", ["init", "--admin", admin, "--name", "Ada Admin"])
        try #require(made.status == 0, "\(made.output)")
        let seeded = try center.careerplan(as: admin, ["seed", "--db", center.dataFile, "--customers", "20", "--today", "2026-11-23"])
        try #require(seeded.status == 0, "\(seeded.output)")
        let added = try center.careerplan(as: admin, ["staff", "add", planner, "--name", "Pat Planner", "--role", "planner"])
        try #require(added.status == 0, "\(added.output)")
    }

    @Test func anotherToolOnTheDataFileIsRefusedByTheOperatingSystem() throws {
        for login in [admin, planner, outsider] {
            let sqlite = try center.tool(as: login, "/usr/bin/sqlite3", [center.dataFile, "SELECT count(*) FROM customer;"])
            #expect(sqlite.status != 0 && sqlite.output.contains("unable to open"), "\(login): \(sqlite.output)")
            let cat = try center.tool(as: login, "/bin/cat", [center.dataFile])
            #expect(cat.status != 0 && cat.output.contains("Permission denied"), "\(login): \(cat.output)")
            let groups = try center.tool(as: login, "/usr/bin/id", ["-Gn"])
            #expect(!groups.output.split(separator: " ").contains { $0.trimmingCharacters(in: .whitespacesAndNewlines) == center.serviceGroup })
        }
        var s = stat()
        #expect(stat(center.dataFile, &s) == 0 && s.st_mode & 0o777 == 0o660 && getgrgid(s.st_gid).map { String(cString: $0.pointee.gr_name) } == center.serviceGroup)
    }

    @Test func eachAccountGetsExactlyItsRoleThroughCareerplan() throws {
        let list = try center.careerplan(as: planner, ["staff", "list"])
        #expect(list.status == 0 && list.output.contains(planner) && list.output.contains("Ada Admin"), "\(list.output)")
        let export = try center.careerplan(as: planner, ["export"])
        #expect(export.status != 0 && export.output.contains("Career planners may not export"), "\(export.output)")
        let other = try center.careerplan(as: planner, ["report", "deadlines", "--planner", "mrivera", "--format", "csv"])
        #expect(other.status != 0 && other.output.contains("may not report on mrivera's customers"), "\(other.output)")
        let own = try center.careerplan(as: planner, ["report", "deadlines", "--format", "csv"])
        #expect(own.status == 0 && !own.output.contains(",mrivera,"), "\(own.output)")
        let exits = try center.careerplan(as: planner, ["exits"])
        #expect(exits.status != 0 && exits.output.contains("may not run the automatic exits"), "\(exits.output)")
        let whole = try center.careerplan(as: admin, ["export"])
        #expect(whole.status == 0 && whole.output.contains("\"customers\""))
        let verify = try center.careerplan(as: admin, ["audit", "--verify"])
        #expect(verify.status == 0 && verify.output.contains("audit trail intact"), "\(verify.output)")
    }

    @Test func filesTheUserNamesAreMadeNewWithTheirOwnRights() throws {
        let before = try center.careerplan(as: admin, ["export"]).output
        let existing = center.home(admin) + "/existing.txt"
        _ = try center.tool(as: admin, "/bin/sh", ["-c", "echo mine > " + existing])
        for target in [center.dataFile, existing, center.dataDirectory + "/copy.html"] {
            let out = try center.careerplan(as: admin, ["plan", "C000016", "--format", "html", "--out", target])
            #expect(out.status != 0, "\(target): \(out.output)")
        }
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "mine\n")
        #expect(!FileManager.default.fileExists(atPath: center.dataDirectory + "/copy.html"))
        let backupInData = try center.careerplan(as: admin, ["backup", center.dataDirectory + "/b.sqlite"])
        #expect(backupInData.status != 0 && !FileManager.default.fileExists(atPath: center.dataDirectory + "/b.sqlite"))
        // A copy the user may write: theirs, not the service group's.
        let copy = center.home(admin) + "/copy.html"
        let made = try center.careerplan(as: admin, ["plan", "C000016", "--format", "html", "--out", copy])
        #expect(made.status == 0, "\(made.output)")
        var s = stat()
        #expect(stat(copy, &s) == 0 && s.st_uid == getpwnam(admin).pointee.pw_uid && s.st_gid == getpwnam(admin).pointee.pw_gid
                && s.st_mode & 0o777 == 0o600)
        let backup = try center.careerplan(as: admin, ["backup", center.home(admin) + "/nightly.sqlite"])
        #expect(backup.status == 0 && backup.output.contains("audit chain head: #"), "\(backup.output)")
        // A link of the user's to the data file opens with the user's rights: refused.
        let link = center.home(planner) + "/mine.sqlite"
        _ = try center.tool(as: planner, "/bin/ln", ["-s", center.dataFile, link])
        let linked = try center.careerplan(as: planner, ["staff", "list", "--db", link])
        #expect(linked.status != 0, "\(linked.output)")
        #expect(try center.careerplan(as: admin, ["export"]).output == before)
    }

    /// Every subcommand, run by an account that is not on the staff list.
    @Test func anAccountNotOnTheStaffListIsRefusedByEveryCommand() throws {
        let before = try center.careerplan(as: admin, ["export"]).output
        let file = center.home(outsider) + "/x.json"
        _ = try center.tool(as: outsider, "/bin/sh", ["-c", "echo '{}' > " + file])
        let commands: [[String]] = [
            [], ["open"], ["export"], ["import", file], ["report", "deadlines"], ["report", "quality"],
            ["plan", "C000016"], ["staff", "list"], ["staff", "add", outsider, "--name", "Me", "--role", "administrator"],
            ["staff", "set-role", outsider, "administrator"], ["staff", "hand-off", "mrivera", outsider, "--reason", "x"],
            ["staff", "cover", outsider, "--for", "mrivera", "--until", "today", "--reason", "x"],
            ["audit", "C000016"], ["audit", "--verify"], ["backup", center.home(outsider) + "/b.sqlite"], ["exits"],
            ["screenshot", "caseload", "--db", center.dataFile, "--out", center.home(outsider) + "/s.svg"],
            ["seed", "--db", center.dataFile, "--customers", "1"],
        ]
        for args in commands {
            let out = try center.careerplan(as: outsider, args)
            #expect(out.status != 0 && out.output.contains("is not on the staff list of \(center.dataFile)"),
                    "careerplan \(args.joined(separator: " ")): \(out.output)")
        }
        // Nor can anyone fill the center's file with a demo or a seed that names them administrator.
        let demo = try center.careerplan(as: outsider, ["demo", "--db", center.dataFile])
        #expect(demo.status != 0 && demo.output.contains("the demo never uses it"), "\(demo.output)")
        let init_ = try center.careerplan(as: outsider, ["init"])
        #expect(init_.status != 0 && init_.output.contains("is created by root"), "\(init_.output)")
        #expect(try center.careerplan(as: admin, ["export"]).output == before)
    }

    @Test func aCraftedImportMakesNobodyAdministrator() throws {
        // A valid export of an empty file whose staff list names the planner administrator.
        let empty = center.home(planner) + "/empty.sqlite"
        #expect(try center.careerplan(as: planner, ["init", "--db", empty]).status == 0)
        var json = try JSONSerialization.jsonObject(with: Data(try center.careerplan(as: planner, ["export", "--db", empty]).output.utf8))
            as! [String: Any]
        json["staff"] = [["login": planner, "name": "Pat Planner", "initials": "PP", "role": "administrator"]]
        let crafted = center.home(planner) + "/crafted.json"
        let data = try JSONSerialization.data(withJSONObject: json)
        _ = try center.tool(as: planner, "/bin/sh", ["-c", "cat > " + crafted + " <<'EOF'\n" + String(decoding: data, as: UTF8.self) + "\nEOF"])
        let imported = try center.careerplan(as: planner, ["import", crafted])
        #expect(imported.status != 0 && imported.output.contains("Career planners may not export, back up or import"), "\(imported.output)")
        let outside = try center.careerplan(as: outsider, ["import", crafted])
        #expect(outside.status != 0)
        let list = try center.careerplan(as: admin, ["staff", "list"]).output
        #expect(list.contains { _ in true } && list.split(separator: "\n").contains { $0.hasPrefix(planner) && $0.contains("planner") })
    }

    /// A file a seed left without its indexes (killed between its batches, `DeferredIndexes`): an account that
    /// may only read it is told so in words; the next careerplan that may write it makes them again.
    @Test func aFileASeedLeftUnfinishedIsToldSoAndMended() throws {
        let file = center.home(admin) + "/unfinished.sqlite"
        #expect(try center.careerplan(as: admin, ["seed", "--db", file, "--customers", "6", "--today", "2026-11-23"]).status == 0)
        // What a seed killed between its batches leaves: the indexes it drops gone, the schema stamp 0.
        let gone = "DROP INDEX customer_by_name; DROP INDEX customer_word_head1; PRAGMA user_version = 0;"
        #expect(try center.tool(as: admin, "/usr/bin/sqlite3", [file, gone]).status == 0)
        _ = try center.tool(as: admin, "/bin/chmod", ["400", file])
        let read = try center.careerplan(as: admin, ["staff", "list", "--db", file])
        #expect(read.status != 0 && read.output.contains("left unfinished by a seed that stopped"), "\(read.output)")
        #expect(!read.output.contains("SQLite"))
        // Writable again (with the -wal and -shm the reading opened, which take the file's mode of that moment).
        _ = try center.tool(as: admin, "/bin/sh", ["-c", "chmod 600 \(file)*"])
        let mended = try center.careerplan(as: admin, ["staff", "list", "--db", file])
        #expect(mended.status == 0 && mended.output.contains(admin), "\(mended.output)")
        let check = "SELECT count(*) FROM sqlite_master WHERE name IN ('customer_by_name', 'customer_word_head1'); PRAGMA user_version;"
        let after = try center.tool(as: admin, "/usr/bin/sqlite3", [file, check]).output.split(separator: "\n")
        #expect(after.first == "2" && after.last != "0", "\(after)")
        let search = try center.careerplan(as: admin, ["export", "--db", file])
        #expect(search.status == 0, "\(search.output)")
    }

    /// A file made read-only for a while and writable again: SQLite gave its -wal the read-only mode when
    /// the account that owns the -wal opened it meanwhile. careerplan gives it the file's mode back, so the
    /// first write after is not refused; a -wal another account owns is named when a write is refused.
    @Test func aFileWritableAgainIsWrittenAtOnceOrItsLogIsNamed() throws {
        let file = center.home(admin) + "/again.sqlite"
        #expect(try center.careerplan(as: admin, ["seed", "--db", file, "--customers", "6", "--today", "2026-11-23"]).status == 0)
        _ = try center.tool(as: admin, "/bin/chmod", ["400", file])
        #expect(try center.careerplan(as: admin, ["staff", "list", "--db", file]).status == 0)
        var info = stat()
        #expect(stat(file + "-wal", &info) == 0 && info.st_mode & 0o777 == 0o400, "the -wal took the file's mode")
        _ = try center.tool(as: admin, "/bin/chmod", ["600", file])
        let add = try center.careerplan(as: admin, ["staff", "add", "kpatel", "--name", "Kiran", "--role", "planner", "--db", file])
        #expect(add.status == 0 && add.output.contains("added kpatel"), "\(add.output)")

        // The center's file, its -wal another account's (root's here) and only readable by the group: named.
        let wal = center.dataFile + "-wal"
        #expect(stat(wal, &info) == 0 && chown(wal, 0, info.st_gid) == 0 && chmod(wal, 0o440) == 0)
        let refused = try center.careerplan(as: admin, ["staff", "add", "lkim", "--name", "Lee", "--role", "planner"])
        #expect(refused.status != 0 && refused.output.contains("caseload.sqlite-wal is read-only for you though caseload.sqlite is not"),
                "\(refused.output)")
        #expect(refused.output.contains("chmod --reference=caseload.sqlite caseload.sqlite-wal") && !refused.output.contains("SQLite"))
        // Made writable again as it says: written.
        #expect(chmod(wal, 0o660) == 0)
        let added = try center.careerplan(as: admin, ["staff", "add", "lkim", "--name", "Lee", "--role", "planner"])
        #expect(added.status == 0, "\(added.output)")
    }

    /// A file the account may only read: every read works, every write says
    /// so plainly, and the file is not changed by a byte.
    @Test func aReadOnlyFileIsReadAndLeftUntouched() throws {
        let file = center.home(admin) + "/readonly.sqlite"
        #expect(try center.careerplan(as: admin, ["seed", "--db", file, "--customers", "6", "--today", "2026-11-23"]).status == 0)
        _ = try center.tool(as: admin, "/bin/chmod", ["400", file])
        let before = FileManager.default.contents(atPath: file)
        let export = try center.careerplan(as: admin, ["export", "--db", file])
        #expect(export.status == 0 && export.output.contains("\"customers\""), "\(export.output)")
        let report = try center.careerplan(as: admin, ["report", "deadlines", "--db", file, "--as-of", "2026-11-23"])
        #expect(report.status == 0, "\(report.output)")
        let write = try center.careerplan(as: admin, ["staff", "add", "kpatel", "--name", "Kiran", "--role", "planner", "--db", file])
        #expect(write.status != 0 && write.output.contains("not saved: readonly.sqlite is read-only for you"), "\(write.output)")
        #expect(!write.output.contains("SQLite"))
        #expect(FileManager.default.contents(atPath: file) == before)
        // In a directory the account cannot write (no -wal or -shm can be made there).
        let dir = center.home(admin) + "/locked"
        _ = try center.tool(as: admin, "/bin/mkdir", [dir])
        #expect(try center.careerplan(as: admin, ["init", "--db", dir + "/c.sqlite"]).status == 0)
        _ = try center.tool(as: admin, "/bin/chmod", ["500", dir])
        let locked = try center.careerplan(as: admin, ["staff", "list", "--db", dir + "/c.sqlite"])
        #expect(locked.status == 0 && locked.output.contains(admin), "\(locked.output)")
        let add = try center.careerplan(as: admin, ["staff", "add", "kpatel", "--name", "Kiran", "--role", "planner", "--db", dir + "/c.sqlite"])
        #expect(add.status != 0 && add.output.contains("read-only for you"), "\(add.output)")
    }
}
