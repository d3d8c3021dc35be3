import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file careerplan makes: always new (O_EXCL: never taking over a file
/// that appeared meanwhile) and never through a link planted at the path
/// (O_NOFOLLOW). The data file, a backup, a customer's copy all start here.
public enum NewFile {
    /// Why a file could not be made, in words; `exists` when something is already at the path.
    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let exists: Bool
        public let reason: String
        public var description: String { "cannot create \(path): \(reason)" }
    }

    /// Creates the file with `mode` and returns its open descriptor (the caller closes it).
    public static func create(_ path: String, mode: mode_t = 0o600) throws -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else {
            throw Failure(path: path, exists: errno == EEXIST, reason: String(cString: strerror(errno)))
        }
        return fd
    }
}
