import Foundation
import Glibc

/// The running program's own file, read once with readlink(2): start-up asks for it several times (the
/// center's configuration, the themes, the services matrix beside it).
public enum RunningProgram {
    public static let path: String = {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, Int(PATH_MAX))
        guard n > 0 else { return CommandLine.arguments[0] }
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }()

    /// The directory it is in.
    public static var directory: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
