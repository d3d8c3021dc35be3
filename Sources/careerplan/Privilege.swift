import Foundation
import Glibc

/// careerplan installed set-group-ID to the center's service group: the
/// data file belongs to that group and no staff account is in it, so the
/// program is the only way in. The group is held only while the center's
/// configured data file is opened, then given up for good: every file a
/// user names (`--out`, a backup, an import, a theme, another `--db`) is
/// opened with the user's own rights. docs/security.md says why each step.
enum Privilege {
    /// The service group while it can still be taken back; nil when the
    /// program was not started set-group-ID or has given the group up.
    nonisolated(unsafe) private static var serviceGroup: gid_t?
    nonisolated(unsafe) private(set) static var isSetGroupID = false

    /// First thing in `main`: keep the group aside, clean the environment
    /// the user handed over, and run with the user's own group until needed.
    static func start() {
        let real = getgid(), effective = getegid()
        guard real != effective else { return }
        isSetGroupID = true
        serviceGroup = effective
        // Standard input, output and error open, so that nothing opened later
        // takes their numbers and receives what is meant for the terminal.
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 {
            guard open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY) == fd else { fail("cannot open /dev/null") }
        }
        SafeEnvironment.apply()
        guard setegid(real) == 0 else { fail("cannot set the group to your own") }
    }

    /// Opens a data file: with the service group when it is the center's
    /// configured file, with the user's rights otherwise; either way the
    /// group is given up for good before this returns.
    static func opening<T>(_ path: String, _ open: () throws -> T) rethrows -> T {
        defer { dropForGood() }
        if let group = serviceGroup, Center.isConfiguredDataFile(path) {
            guard setegid(group) == 0 else { fail("cannot take the service group to open \(path)") }
        } else {
            dropForGood()
        }
        return try open()
    }

    /// Reads the due writer's address (`DueWriterFile`) with the service group, the one other file read
    /// with it, then returns to the user's own group; as the user's own when the group is gone or was never held.
    static func withServiceGroup<T>(_ read: () throws -> T) rethrows -> T {
        guard let group = serviceGroup else { return try read() }
        guard setegid(group) == 0 else { fail("cannot take the service group to read the due writer's address") }
        defer { if setegid(getgid()) != 0 { fail("cannot set the group back to your own") } }
        return try read()
    }

    /// Real, effective and saved group all the user's own: nothing in this
    /// process can take the service group back.
    static func dropForGood() {
        guard let group = serviceGroup else { return }
        let real = getgid()
        // Root may take any group back by right; anyone else must find it gone.
        guard setregid(real, real) == 0, getegid() == real, getuid() == 0 || setegid(group) != 0 else {
            fail("cannot give up the service group")
        }
        serviceGroup = nil
    }

    private static func fail(_ why: String) -> Never {
        FileHandle.standardError.write(Data("careerplan: \(why); stopping\n".utf8))
        exit(1)
    }
}

/// The environment a set-group-ID careerplan keeps: what the terminal and
/// the locale need, checked, and nothing that could point a library at a
/// file or a program of the user's choosing (glibc's secure mode already
/// drops LD_PRELOAD and the like; this covers the rest: TERMINFO, ICU_DATA,
/// TMPDIR, SWIFT_* and whatever a later library might read).
enum SafeEnvironment {
    static let kept = ["TERM", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "LC_TIME", "LC_COLLATE",
                       "LC_NUMERIC", "LC_MONETARY", "COLUMNS", "LINES", "NO_COLOR", "ESCDELAY", "TZ",
                       "HOME", "USER", "LOGNAME", "XDG_DATA_HOME", "CAREERPLAN_DB", "CAREERPLAN_THEME"]

    static func apply() {
        let env = ProcessInfo.processInfo.environment
        clearenv()
        setenv("PATH", "/usr/bin:/bin", 1)
        for key in kept {
            guard let value = env[key], isSafe(key: key, value) else { continue }
            setenv(key, value, 1)
        }
    }

    /// Plain values only: a terminal or locale name, a number, a path for the
    /// user's own files, a zone name (never a zone file of the user's).
    static func isSafe(key: String, _ value: String) -> Bool {
        guard value.utf8.count < 512, !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            return false
        }
        switch key {
        case "TERM", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "LC_TIME", "LC_COLLATE", "LC_NUMERIC",
             "LC_MONETARY", "TZ":
            return !value.hasPrefix("/") && !value.contains("..")
                && value.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || "0123456789._-+:@/".unicodeScalars.contains($0)) }
        case "COLUMNS", "LINES", "ESCDELAY": return Int(value) != nil
        default: return true
        }
    }
}
