import Domain
import Foundation
import Glibc

extension ServicesMatrix {
    /// The matrix shipped with careerplan (Sources/Store/Resources). A
    /// malformed file stops start-up with the entry and field named.
    public static func bundled() throws -> ServicesMatrix {
        if let data = FileManager.default.contents(atPath: besideProgram) { return try ServicesMatrix(data: data) }
        guard let url = Bundle.module.url(forResource: "services-matrix", withExtension: "json") else {
            throw StoreError.notFound("services-matrix.json beside the program")
        }
        return try ServicesMatrix(data: Data(contentsOf: url))
    }

    /// Where SwiftPM's build and `make install` put the file: the resource directory beside the running
    /// program, the first place `Bundle.module` looks. Found with one readlink(2): setting up Foundation's
    /// Bundle to find it took about a quarter of the thread that decodes the matrix at start-up.
    static let besideProgram: String = {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, Int(PATH_MAX))
        guard n > 0 else { return "" }
        let program = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = program.lastIndex(of: "/") else { return "" }
        return program[..<slash] + "/careerplan_Store.resources/services-matrix.json"
    }()
}
