import Foundation
import Glibc
import Testing

/// Whether this machine lets the tests mount a tmpfs (root in a sandbox may not).
enum TmpfsProbe {
    static let canMount: Bool = {
        guard CenterInstall.isRoot else { return false }
        let probe = NSTemporaryDirectory() + "careerplan-mount-probe-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard (try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)) != nil,
              let mounted = try? TmuxSession.runWithStatus("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe]),
              mounted.status == 0 else { return false }
        _ = try? TmuxSession.runWithStatus("/bin/umount", [probe])
        return true
    }()
}

/// A data file on a disk that fills up (a small tmpfs the test mounts):
/// plain words where the user is looking, never "SQLite error 13", and the
/// file still whole.
@Suite(.serialized, .enabled(if: TmpfsProbe.canMount, "needs root and permission to mount a small tmpfs"))
final class FullDiskTests {
    let work: Workspace
    let mount: String

    init() throws {
        work = try Workspace("careerplan-full")
        mount = work.dir + "/disk"
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        let (out, status) = try TmuxSession.runWithStatus("/bin/mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", mount])
        try #require(status == 0, "mount: \(out)")
    }

    deinit { _ = try? TmuxSession.runWithStatus("/bin/umount", [mount]) }

    @Test func aFullDiskIsSaidPlainly() throws {
        let db = mount + "/caseload.sqlite"
        try #require(try TmuxSession.runWithStatus(work.binary, ["init", "--db", db]).status == 0)
        // Fill all but a little of the disk.
        _ = try TmuxSession.runWithStatus("/bin/dd", ["if=/dev/zero", "of=\(mount)/filler", "bs=1k", "count=1450"])
        var refused = ""
        for n in 0..<400 where refused.isEmpty {
            let (out, status) = try TmuxSession.runWithStatus(work.binary, [
                "staff", "add", "p\(n)", "--name", String(repeating: "N", count: 190), "--role", "planner", "--db", db])
            if status != 0 { refused = out }
        }
        #expect(refused.contains("the disk is full"), "\(refused)")
        #expect(!refused.contains("SQLite error"), "\(refused)")
        // Whatever was saved before is whole once there is room again.
        try FileManager.default.removeItem(atPath: mount + "/filler")
        let (check, status) = try TmuxSession.runWithStatus("/usr/bin/sqlite3", [db, "PRAGMA integrity_check"])
        #expect(status == 0 && check.trimmingCharacters(in: .whitespacesAndNewlines) == "ok")
        #expect(try TmuxSession.runWithStatus(work.binary, ["staff", "list", "--db", db]).status == 0)
    }
}
