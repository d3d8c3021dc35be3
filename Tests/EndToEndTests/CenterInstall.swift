import Foundation
import Glibc
import Testing

/// A center set up as the README's center section says, with real
/// operating-system accounts: a service group no account is in, careerplan
/// installed set-group-ID to it, the data directory only that group enters,
/// careerplan.conf beside the program, and staff accounts in a staff group.
/// Needs root; everything it made is removed when it goes.
final class CenterInstall {
    let tag: String
    let prefix: String
    let binary: String
    let dataDirectory: String
    let dataFile: String
    let serviceGroup: String
    let staffGroup: String
    private(set) var accounts: [String] = []

    static var isRoot: Bool { getuid() == 0 }

    init() throws {
        tag = "cp" + String(UInt32.random(in: 0x10000...0xFFFFF), radix: 16)
        prefix = "/tmp/\(tag)-center"
        serviceGroup = tag + "svc"
        staffGroup = tag + "staff"
        binary = prefix + "/bin/careerplan"
        dataDirectory = prefix + "/data"
        dataFile = dataDirectory + "/caseload.sqlite"
        let built = try #require(TmuxSession.binary, "build careerplan first: swift build")
        let builtDir = (built as NSString).deletingLastPathComponent
        try root("/usr/sbin/groupadd", [serviceGroup])
        try root("/usr/sbin/groupadd", [staffGroup])
        for dir in [prefix, prefix + "/bin", prefix + "/etc", prefix + "/home"] { try root("/usr/bin/install", ["-d", "-m", "755", dir]) }
        // As make install does: the program set-group-ID to the service group.
        try root("/usr/bin/install", ["-m", "2755", "-g", serviceGroup, built, binary])
        try root("/bin/cp", ["-R", builtDir + "/careerplan_Store.resources", prefix + "/bin/"])
        try root("/usr/bin/install", ["-d", "-m", "2770", "-g", serviceGroup, dataDirectory])
        try """
            # careerplan's system-wide configuration (docs/security.md)
            data-file = \(dataFile)
            group = \(serviceGroup)
            time-zone = America/Chicago
            """.write(toFile: prefix + "/etc/careerplan.conf", atomically: true, encoding: .utf8)
        chmod(prefix + "/etc/careerplan.conf", 0o644)
    }

    deinit {
        for login in accounts { _ = try? TmuxSession.runWithStatus("/usr/sbin/userdel", ["-r", "-f", login]) }
        _ = try? TmuxSession.runWithStatus("/usr/sbin/groupdel", [serviceGroup])
        _ = try? TmuxSession.runWithStatus("/usr/sbin/groupdel", [staffGroup])
        try? FileManager.default.removeItem(atPath: prefix)
    }

    /// A new account in the staff group (never the service group), home under the prefix.
    @discardableResult
    func addAccount(_ role: String, shell: String = "/bin/sh") throws -> String {
        let login = tag + role
        try root("/usr/sbin/useradd", ["-m", "-d", prefix + "/home/" + login, "-s", shell, "-G", staffGroup, "-K", "UMASK=077", login])
        accounts.append(login)
        return login
    }

    func home(_ login: String) -> String { prefix + "/home/" + login }

    /// Runs careerplan as `login`, with that account's own environment.
    func careerplan(as login: String, _ args: [String]) throws -> (output: String, status: Int32) {
        try tool(as: login, binary, args)
    }

    /// Runs any program as `login` (set-group-ID bits on it take effect as usual).
    func tool(as login: String, _ path: String, _ args: [String]) throws -> (output: String, status: Int32) {
        try TmuxSession.runWithStatus("/usr/bin/setpriv", ["--reuid=" + login, "--regid=" + login, "--init-groups", "--reset-env",
                                                          "--", "/usr/bin/env", "LANG=C.UTF-8", path] + args)
    }

    @discardableResult
    func root(_ path: String, _ args: [String]) throws -> String {
        let (out, status) = try TmuxSession.runWithStatus(path, args)
        try #require(status == 0, "\(path) \(args.joined(separator: " ")): \(out)")
        return out
    }
}
