import Foundation
import Glibc
import Store

/// Files a user asks careerplan to write (a customer's copy, a screenshot,
/// a backup): made new with the user's own rights (the service group is
/// given up before any is written), never replacing a file, never through a
/// link, and never in the center's data directory.
enum UserFile {
    static func create(_ path: String, contents: Data, dataFile: String?) throws {
        try refuseDataDirectory(path, dataFile: dataFile)
        let fd: Int32
        do { fd = try NewFile.create(path) } catch let failure as NewFile.Failure {
            throw ValidationFailure(failure.exists ? "\(path) already exists; careerplan never replaces a file, choose a new name"
                                    : "cannot write \(path): \(failure.reason)")
        }
        defer { close(fd) }
        let written = contents.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        guard written, fsync(fd) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(path)
            throw ValidationFailure("cannot write \(path): \(why)")
        }
    }

    /// Refuses a path inside the center's data directory (careerplan.conf),
    /// however it is spelled (links resolved): only the data file and its
    /// -wal and -shm live there. `dataFile` in use is refused as a target too.
    static func refuseDataDirectory(_ path: String, dataFile: String?) throws {
        let target = Center.standardized(path)
        if let dataFile, ([dataFile] + CaseloadStore.companions(of: dataFile)).map(Center.standardized).contains(target) {
            throw ValidationFailure("\(path) is the data file; careerplan never writes over it")
        }
        guard let dir = Center.config?.dataDirectory else { return }
        let parent = resolved((target as NSString).deletingLastPathComponent)
        if parent == dir || parent == resolved(dir) {
            throw ValidationFailure("careerplan writes no file into the center's data directory (\(dir)); choose another place")
        }
    }

    private static func resolved(_ dir: String) -> String {
        guard let real = realpath(dir, nil) else { return dir }
        defer { free(real) }
        return String(cString: real)
    }
}
