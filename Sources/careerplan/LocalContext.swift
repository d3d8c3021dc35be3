import Domain
import Foundation
import Glibc
import Store

/// Facts about the machine the program runs on: the operating-system
/// account, today's date in the local time zone, the executable's path.
enum LocalContext {
    /// The account running the program: the real user id, never $USER.
    static func account() -> (login: String, fullName: String) {
        if let pw = getpwuid(getuid()) { return entry(pw.pointee) }
        return ("uid\(getuid())", "uid\(getuid())")
    }

    /// Another account of this machine, by name.
    static func account(named login: String) -> (login: String, fullName: String)? {
        getpwnam(login).map { entry($0.pointee) }
    }

    private static func entry(_ pw: passwd) -> (login: String, fullName: String) {
        let login = String(cString: pw.pw_name)
        let gecos = pw.pw_gecos.map { String(cString: $0) } ?? ""
        let name = gecos.split(separator: ",").first.map(String.init) ?? ""
        return (login, name.isEmpty ? login : name)
    }

    /// Calendar days are the area's: the local time zone (set TZ per center).
    static func today() -> Day { .localToday() }

    /// The running program's file (read once: `RunningProgram`).
    static func executablePath() -> String { RunningProgram.path }
}
