import Foundation
import Testing

/// The built binary and a private directory for one end-to-end suite,
/// removed when the suite is done.
final class Workspace {
    let binary: String
    let dir: String

    init(_ name: String) throws {
        binary = try #require(TmuxSession.binary, "build careerplan first: swift build")
        dir = NSTemporaryDirectory() + name + "-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }
}
