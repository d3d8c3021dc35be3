import Domain
import Foundation
import Glibc

/// Facts about the machine the program runs on: the operating-system
/// account, today's date in the local time zone, the executable's path.
enum LocalContext {
    static func account() -> (login: String, fullName: String) {
        if let pw = getpwuid(getuid()) {
            let login = String(cString: pw.pointee.pw_name)
            let gecos = pw.pointee.pw_gecos.map { String(cString: $0) } ?? ""
            let name = gecos.split(separator: ",").first.map(String.init) ?? ""
            return (login, name.isEmpty ? login : name)
        }
        let user = ProcessInfo.processInfo.environment["USER"] ?? "unknown"
        return (user, user)
    }

    /// Calendar days are the area's: the local time zone (set TZ per center).
    static func today() -> Day { .localToday() }

    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
    }
}
